/**
 * A school founded less than three years before has joined a group: its new-school subsidy period
 * (R-FUND-NEWSCHOOL, R-FUND-RESERVE) must start.
 *
 * INTEGRATION POINT, wired by the lead at merge: the subsidy period is the workflow of
 * `workflows/new-school-subsidy/` (another branch). Start it here, after the milestone, as
 * `startChild(newSchoolSubsidyWorkflow, { workflowId: newSchoolSubsidyWorkflowId(schoolId),
 * parentClosePolicy: ParentClosePolicy.ABANDON, args: [...] })` — the deterministic id makes a
 * second join of the same school find the running period instead of opening another.
 * Until then the case's timeline records that the period is due, for EDU and FIN to act on.
 */
import { proxyLocalActivities } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';

const db = proxyLocalActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function newSchoolJoined(caseId: string, schoolId: string): Promise<void> {
  await db.recordMilestone({ caseId, key: 'new-school-subsidy-due', comment: `新建学校（建校不满三年）加入集团，经费保障期应开始 / A school founded less than three years ago joined: its subsidy period is due (${schoolId})` });
}
