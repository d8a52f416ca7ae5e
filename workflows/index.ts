/** Entry point of the workflow bundle: every workflow type the worker runs. */
export { approvalChainWorkflow } from './approval-chain/workflow.js';
export { caseWorkflow } from './case/workflow.js';
export { outboxRelayWorkflow } from './notifications/relay.js';
export { exchangeRefusalWorkflow } from './exchange-refusal/workflow.js';
export { exchangeTermWorkflow } from './exchange-term/workflow.js';
export { rotationPlanWorkflow } from './rotation-plan/workflow.js';
export { newMemberExchangeWorkflow } from './new-member-exchange/workflow.js';
export { groupAssessmentWorkflow } from './group-assessment/workflow.js';
export { commendationRoundWorkflow } from './commendation-round/workflow.js';
export { annualCycleWorkflow } from './cycles/workflow.js';
export { secondmentWorkflow } from './secondment/workflow.js';
export { groupChangeWorkflow } from './group-change/workflow.js';
export { cadrePlacementWorkflow } from './cadre-placement/workflow.js';
export { newSchoolSubsidyWorkflow } from './new-school-subsidy/workflow.js';
export { lectureFeeWorkflow } from './lecture-fee/workflow.js';
export { calendarChangeWorkflow } from './calendar/workflow.js';
export { staffingAdjustmentWorkflow } from './staffing-adjustment/workflow.js';
