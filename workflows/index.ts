/** Entry point of the workflow bundle: every workflow type the worker runs. */
export { approvalChainWorkflow } from './approval-chain/workflow.js';
export { caseWorkflow } from './case/workflow.js';
export { deliverNotificationsWorkflow } from './notifications/workflow.js';
/** The first, flat two-step case; kept so cases started before the approval chain can finish. */
export { approvalCaseWorkflow } from './approval-case/workflow.js';
export { groupAssessmentWorkflow } from './group-assessment/workflow.js';
export { commendationRoundWorkflow } from './commendation-round/workflow.js';
export { annualCycleWorkflow } from './cycles/workflow.js';
