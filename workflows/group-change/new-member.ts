/**
 * R-EXCH-NEWMEMBER: a member school has joined, so its teachers for the core school are to be named,
 * as a workflow of its own that outlives this case. One per group and school, so a retried or
 * repeated join finds the exchange already running or done.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import { newMemberExchangeWorkflowId } from '../new-member-exchange/messages.js';
import { newMemberExchangeWorkflow } from '../new-member-exchange/workflow.js';

export async function newMemberJoined(caseId: string, groupId: string, schoolId: string): Promise<void> {
  try {
    await startChild(newMemberExchangeWorkflow, {
      workflowId: newMemberExchangeWorkflowId(groupId, schoolId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [{ groupId, schoolId, groupChangeCaseId: caseId }],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
