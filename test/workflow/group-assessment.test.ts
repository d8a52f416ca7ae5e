/**
 * The group assessment on the time-skipping server with the real deadlines (R-ASSESS-ANNUAL,
 * R-REVIEW-3Y, R-TIER-DYNAMIC, R-GROUP-SIZE): an overdue self-assessment escalates and is still
 * taken; EDU scores and moves the tier; the full review of the group's third year records its size.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetCalendar } from '../../prisma/calendar.js';
import { addWorkingDays, schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { chainStateQuery, chainWorkflowId, type Actor, type DecisionInput } from '../../workflows/approval-chain/messages.js';
import { groupAssessmentWorkflowId, groupAssessmentStateQuery } from '../../workflows/group-assessment/messages.js';
import { groupAssessmentWorkflow } from '../../workflows/group-assessment/workflow.js';
import { createAssessedGroup } from '../support/assessment-groups.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { actorOf, createTestOrg, escalationAddresses } from '../support/org.js';
import { recipients } from '../support/smtp.js';
import { recordHistory } from '../support/histories.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
  // Another district's task-force office, which this district's escalations must not reach.
  await createTestOrg(t.db);
});

afterAll(async () => {
  await t?.close();
});

function startAssessment(groupId: string, schoolYear: number) {
  const workflowId = groupAssessmentWorkflowId(groupId, schoolYear);
  const handle = t.env.client.workflow.start(groupAssessmentWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ groupId, schoolYear }] });
  return { handle, chain: t.env.client.workflow.getHandle(chainWorkflowId(workflowId, `assessment-${schoolYear}`)) };
}

/** The validator's reason a decision was refused (the update fails before anything is written). */
const refusal = (decided: Promise<unknown>) => decided.then(
  () => 'accepted',
  (err: { cause?: { message?: string } }) => err.cause?.message ?? 'no reason',
);

const approve = (actor: Actor, taskId: string, form?: Record<string, unknown>): DecisionInput => ({ requestId: randomUUID(), taskId, action: 'APPROVE', actor, ...(form ? { form } : {}) });

describe('group assessment', () => {
  it('R-ASSESS-ANNUAL R-TIER-DYNAMIC: an overdue self-assessment escalates, is submitted late, scored, and moves the group up one tier', async () => {
    const schoolYear = schoolYearOf(t.org.group.createdAt, policyConfig);
    const { handle, chain } = startAssessment(t.org.group.id, schoolYear);
    const wf = await handle;
    const selfTask = await t.pendingTask(chain, 0);
    const step = (await chain.query(chainStateQuery)).currentStep;
    const task = await t.db.approvalTask.findUniqueOrThrow({ where: { id: selfTask } });
    expect(step?.key).toBe('assessment-self-assessment');
    expect(task.dueAt).toEqual(addWorkingDays(task.openedAt, policyConfig.assessment.selfAssessmentWorkingDays, datasetCalendar(), policyConfig.utcOffsetMinutes));
    expect(task.formKind).toBe('SELF_ASSESSMENT');

    await t.env.sleep(task.dueAt.getTime() - Date.now() + 60_000);
    await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.taskforce.email) && m.subject?.startsWith('【督办】') === true);
    expect(await escalationAddresses(t.db, wf.workflowId)).toEqual([t.org.officials.taskforce.email]);
    expect((await t.db.approvalTask.findUniqueOrThrow({ where: { id: selfTask } })).overdue).toBe(true);
    expect((await wf.query(groupAssessmentStateQuery)).kind).toBe('ANNUAL');

    expect(await refusal(t.decide(chain, approve(actorOf(t.org, 'core'), selfTask)))).toMatch(/form|summary/);
    await t.decide(chain, approve(actorOf(t.org, 'core'), selfTask, { summary: '三校共建课程，教师交流 12 人', selfScore: 88 }));
    const scoreTask = await t.pendingTask(chain, 1);
    await t.decide(chain, approve(actorOf(t.org, 'edu'), scoreTask, { score: 91 }));
    const tierTask = await t.pendingTask(chain, 2);
    expect(await refusal(t.decide(chain, approve(actorOf(t.org, 'edu'), tierTask, { move: 2, reason: '进步显著' })))).toMatch(/move/);
    expect(await refusal(t.decide(chain, approve(actorOf(t.org, 'edu'), tierTask, { move: 1 })))).toMatch(/reason/);
    await t.decide(chain, approve(actorOf(t.org, 'edu'), tierTask, { move: 1, reason: '考核优秀，升一层级' }));
    const leadTask = await t.pendingTask(chain, 3);
    expect(await refusal(t.decide(chain, approve(actorOf(t.org, 'edu'), leadTask)))).toMatch(/not routed to you/);
    await t.decide(chain, approve(actorOf(t.org, 'eduLead'), leadTask));

    const result = await wf.result();
    expect(result).toMatchObject({ status: 'COMPLETED', kind: 'ANNUAL', tierBefore: 2, tierAfter: 1 });
    const row = await t.db.groupAssessment.findUniqueOrThrow({ where: { groupId_schoolYear: { groupId: t.org.group.id, schoolYear } } });
    expect(row).toMatchObject({ kind: 'ANNUAL', score: 91, tierBefore: 2, tierAfter: 1, caseId: result.caseId, structure: null });
    expect(row.selfAssessment).toEqual({ summary: '三校共建课程，教师交流 12 人', selfScore: 88 });
    expect(row.publishedAt).not.toBeNull();
    expect((await t.db.educationGroup.findUniqueOrThrow({ where: { id: t.org.group.id } })).tier).toBe(1);
    const kase = await t.db.case.findUniqueOrThrow({ where: { id: result.caseId }, include: { events: true } });
    expect(kase).toMatchObject({ type: 'GROUP_ASSESSMENT', status: 'COMPLETED', groupId: t.org.group.id, initiatorId: null });
    expect(kase.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['OVERDUE', 'ESCALATED', 'MILESTONE', 'CLOSED']));
    await recordHistory(wf, 'group-assessment-annual-overdue');
    await recordHistory(chain, 'approval-chain-group-assessment');
  });

  it('R-REVIEW-3Y R-GROUP-SIZE: the third year is a full review that records a 7-member group and moves it down two tiers', async () => {
    const { group, actor } = await createAssessedGroup(t.db, t.org, 7);
    const schoolYear = schoolYearOf(group.createdAt, policyConfig) + policyConfig.fullReviewEveryYears - 1;
    const { handle, chain } = startAssessment(group.id, schoolYear);
    const wf = await handle;
    await t.decide(chain, approve(actor, await t.pendingTask(chain, 0), { summary: '七校集团自评', selfScore: 60 }));
    await t.decide(chain, approve(actorOf(t.org, 'edu'), await t.pendingTask(chain, 1), { score: 58 }));
    const reviewTask = await t.pendingTask(chain, 2);
    expect((await chain.query(chainStateQuery)).currentStep?.key).toBe('assessment-tier-full-review');
    expect(await refusal(t.decide(chain, approve(actorOf(t.org, 'edu'), reviewTask, { move: -2, reason: '规模超标且质量下滑' })))).toMatch(/structureFindings/);
    await t.decide(chain, approve(actorOf(t.org, 'edu'), reviewTask, { move: -2, reason: '规模超标且质量下滑', structureFindings: '成员校 7 所，超出 4–6 所，需论证' }));
    await t.decide(chain, approve(actorOf(t.org, 'eduLead'), await t.pendingTask(chain, 3)));

    expect(await wf.result()).toMatchObject({ status: 'COMPLETED', kind: 'FULL_REVIEW', tierBefore: 2, tierAfter: 4 });
    const row = await t.db.groupAssessment.findUniqueOrThrow({ where: { groupId_schoolYear: { groupId: group.id, schoolYear } } });
    expect(row).toMatchObject({ kind: 'FULL_REVIEW', score: 58, tierAfter: 4 });
    expect(row.structure).toEqual({ memberSchools: 7, coreSchools: 1, verdict: 'NEEDS_JUSTIFICATION', limits: { min: 4, max: 6, hardMax: 8 }, findings: '成员校 7 所，超出 4–6 所，需论证' });
    expect((await t.db.educationGroup.findUniqueOrThrow({ where: { id: group.id } })).tier).toBe(4);
    await recordHistory(wf, 'group-assessment-full-review');
  });
});
