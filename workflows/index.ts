/** Entry point of the workflow bundle: every workflow type the worker runs. */
export { approvalCaseWorkflow } from './approval-case/workflow.js';
