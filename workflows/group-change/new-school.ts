/**
 * A school founded less than three years before has joined a group: its new-school subsidy period
 * (R-FUND-NEWSCHOOL, R-FUND-RESERVE) starts, as a workflow of its own that outlives this case. Its
 * id is one per school, so a second join of the same school finds the running period.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, proxyLocalActivities, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import { newSchoolSubsidyWorkflowId } from '../new-school-subsidy/messages.js';
import { newSchoolSubsidyWorkflow } from '../new-school-subsidy/workflow.js';
import { dbLocalActivity } from '../activity-options.js';

const db = proxyLocalActivities<ReturnType<typeof createActivities>>(dbLocalActivity);

export async function newSchoolJoined(caseId: string, schoolId: string): Promise<void> {
  await db.recordMilestone({ caseId, key: 'new-school-subsidy-due', comment: `新建学校（建校不满三年）加入集团，经费保障期开始 / A school founded less than three years ago joined: its subsidy period starts (${schoolId})` });
  try {
    await startChild(newSchoolSubsidyWorkflow, {
      workflowId: newSchoolSubsidyWorkflowId(schoolId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [{ schoolId }],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
