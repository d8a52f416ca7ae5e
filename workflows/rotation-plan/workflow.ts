/**
 * A group's yearly rotation plan: the teachers due (R-EXCH-ELIGIBLE), the core school's proposal,
 * the quota checks (R-EXCH-QUOTA, R-EXCH-BACKBONE) with a justification EDU must approve explicitly
 * when a quota is missed, and on approval one exchange term per planned teacher, started once.
 */
import { ParentClosePolicy, proxyLocalActivities, setHandler, startChild, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { createActivities } from '../../activities/index.js';
import { QUOTA_MISSED_CONDITION } from '../../policy/exchange.js';
import { approvedForm, runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { exchangeTermWorkflowId } from '../exchange-term/messages.js';
import { exchangeTermWorkflow } from '../exchange-term/workflow.js';
import { sendNotifications } from '../notifications/send.js';
import { planStateQuery, type PlanState, type RotationPlanInput, type RotationPlanResult } from './messages.js';
import { bulkDbLocalActivity } from '../activity-options.js';

const db = proxyLocalActivities<ReturnType<typeof createActivities>>(bulkDbLocalActivity);

export async function rotationPlanWorkflow(input: RotationPlanInput): Promise<RotationPlanResult> {
  const state: PlanState = { caseId: input.caseId ?? null, phase: 'PROPOSING', groupId: input.groupId, schoolYear: input.schoolYear, teacherCount: 0, due: [], proposalRound: 0, entries: [], justification: null, check: null, terms: [] };
  setHandler(planStateQuery, () => state);

  const group = await db.rotationGroupFacts({ groupId: input.groupId });
  upsertSearchAttributes([
    { key: searchAttributes.caseType, value: 'ROTATION_PLAN' },
    { key: searchAttributes.caseStatus, value: 'RUNNING' },
    { key: searchAttributes.groupCode, value: group.groupCode },
    { key: searchAttributes.schoolCode, value: group.coreSchoolCode },
  ]);
  const { caseId } = await db.openCase({
    caseId: input.caseId ?? uuid4(),
    workflowId: workflowInfo().workflowId,
    type: 'ROTATION_PLAN',
    title: `${group.groupName} ${input.schoolYear}学年交流轮岗计划 / rotation plan ${input.schoolYear}`,
    subject: { schoolYear: input.schoolYear },
    groupId: input.groupId,
    schoolId: group.coreSchoolId,
    initiatorId: input.initiatorId ?? null,
  });
  state.caseId = caseId;
  const due = await db.teachersDueInGroup({ groupId: input.groupId, schoolYear: input.schoolYear });
  state.teacherCount = due.teacherCount;
  state.due = due.due.map((t) => ({ id: t.id, name: t.name, homeSchoolId: t.homeSchoolId, graduatingClass: t.graduatingClass, backbone: t.backbone }));
  const context = { districtId: group.districtId, groupId: input.groupId, schoolId: group.coreSchoolId };

  async function close(phase: 'APPROVED' | 'REJECTED' | 'WITHDRAWN'): Promise<RotationPlanResult> {
    state.phase = phase;
    await db.setCaseStatus({ caseId, status: phase });
    upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: phase }]);
    await sendNotifications({ kind: 'OUTCOME', caseId, dedupeKey: `OUTCOME:${caseId}` });
    return { caseId, phase, terms: state.terms };
  }

  // A proposal naming strangers, or missing a quota without a word of justification, goes back to the core school.
  for (;;) {
    state.proposalRound += 1;
    const proposal = await runChain({ caseId, chain: 'ROTATION_PLAN_PROPOSAL', name: `proposal-${state.proposalRound}`, context, initiatorId: input.initiatorId });
    const form = proposal.status === 'APPROVED' ? approvedForm(proposal, 'rotation-plan-proposal', 'ROTATION_PLAN') : undefined;
    if (!form) return close(proposal.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED');
    state.entries = form.entries;
    state.justification = form.justification ?? null;
    state.check = await db.checkRotationPlan({ groupId: input.groupId, entries: form.entries });
    const missed = !state.check.quota.meetsQuota || !state.check.quota.meetsBackbone;
    if (state.check.problems.length === 0 && (!missed || state.justification)) break;
    await db.recordMilestone({
      caseId,
      key: `proposal-${state.proposalRound}-refused`,
      comment: state.check.problems.length ? '计划中有不属于本集团的教师或学校 / entries outside the group' : '未达比例且无书面说明 / quota missed without a justification',
      form: { problems: state.check.problems, quota: { ...state.check.quota } },
    });
  }

  const check = state.check;
  const missed = !check.quota.meetsQuota || !check.quota.meetsBackbone;
  const plan = { caseId, groupId: input.groupId, schoolYear: input.schoolYear, dueCount: state.due.length, entries: state.entries, quota: check.quota, ...(state.justification ? { justification: state.justification } : {}) };
  await db.saveRotationPlan(plan);
  state.phase = 'APPROVING';
  const approval = await runChain({ caseId, chain: 'ROTATION_PLAN_APPROVAL', name: 'approval', context: { ...context, conditions: missed ? [QUOTA_MISSED_CONDITION] : [] }, initiatorId: input.initiatorId });
  if (approval.status !== 'APPROVED') return close(approval.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED');
  await db.saveRotationPlan({ ...plan, approved: true });

  for (const entry of state.entries) {
    const workflowId = exchangeTermWorkflowId(entry.teacherId, input.schoolYear);
    try {
      await startChild(exchangeTermWorkflow, {
        workflowId,
        args: [{ teacherId: entry.teacherId, toSchoolId: entry.toSchoolId, startSchoolYear: input.schoolYear, planCaseId: caseId }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      state.terms.push({ teacherId: entry.teacherId, workflowId, alreadyStarted: false });
    } catch (err) {
      // Re-running an approved plan must never start a second term for a teacher and year.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      state.terms.push({ teacherId: entry.teacherId, workflowId, alreadyStarted: true });
    }
  }
  return close('APPROVED');
}
