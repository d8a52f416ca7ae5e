/** Entry point of the workflow bundle: every workflow type the worker runs. */
export { approvalChainWorkflow } from './approval-chain/workflow.js';
export { caseWorkflow } from './case/workflow.js';
export { deliverNotificationsWorkflow } from './notifications/workflow.js';
/** The first, flat two-step case; kept so cases started before the approval chain can finish. */
export { approvalCaseWorkflow } from './approval-case/workflow.js';
export { newSchoolSubsidyWorkflow } from './new-school-subsidy/workflow.js';
export { lectureFeeWorkflow } from './lecture-fee/workflow.js';
export { staffingAdjustmentWorkflow } from './staffing-adjustment/workflow.js';
