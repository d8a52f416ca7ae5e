/**
 * The yearly rotation plan on the time-skipping server: teachers due (R-EXCH-ELIGIBLE), the core
 * school's proposal, the quota checks (R-EXCH-QUOTA, R-EXCH-BACKBONE) with EDU's explicit approval of
 * a justification, and terms started once per teacher and year however often the plan re-runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeTermWorkflowId, termStateQuery } from '../../workflows/exchange-term/messages.js';
import { planStateQuery, rotationPlanWorkflowId } from '../../workflows/rotation-plan/messages.js';
import { rotationPlanWorkflow } from '../../workflows/rotation-plan/workflow.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { approveSteps, chainOf, createTeacher } from '../support/exchange.js';
import { recordHistory } from '../support/histories.js';

let t: ChainEnv;
let teachers: Awaited<ReturnType<typeof createTeacher>>[];

beforeAll(async () => {
  t = await startChainEnv();
  // Ten teachers: R-EXCH-QUOTA asks for 1 (10 %); three are due in 2030, the graduating-class one first.
  teachers = [];
  teachers.push(await createTeacher(t.db, t.org, { schoolId: t.org.member.id, joinedGroupOn: '2020-09-01', backbone: 'BACKBONE' }));
  teachers.push(await createTeacher(t.db, t.org, { schoolId: t.org.member.id, joinedGroupOn: '2021-09-01', graduatingClass: true }));
  teachers.push(await createTeacher(t.db, t.org, { schoolId: t.org.core.id, joinedGroupOn: '2018-09-01', backbone: 'SUBJECT_LEADER' }));
  teachers.push(await createTeacher(t.db, t.org, { schoolId: t.org.core.id, joinedGroupOn: '2025-03-01', backbone: 'SPECIAL_GRADE' }));
  for (let i = 0; i < 6; i += 1) teachers.push(await createTeacher(t.db, t.org, { schoolId: t.org.core.id, joinedGroupOn: '2026-09-01' }));
});

afterAll(async () => {
  await t?.close();
});

function startPlan(schoolYear: number) {
  const workflowId = rotationPlanWorkflowId(t.org.group.id, schoolYear);
  // As a schedule starts it: no initiator, no case row; the workflow opens its own case.
  return { workflowId, handle: t.env.client.workflow.start(rotationPlanWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ groupId: t.org.group.id, schoolYear, districtId: t.org.district.id }] }) };
}

describe('rotation plan', () => {
  it('R-EXCH-ELIGIBLE, R-EXCH-QUOTA: lists who is due, and an approved plan that meets both quotas starts one term per teacher', async () => {
    const { workflowId, handle: started } = startPlan(2030);
    const handle = await started;
    await expect.poll(async () => (await handle.query(planStateQuery)).due.length).toBe(3);
    const state = await handle.query(planStateQuery);
    // 6 full years on 1 Sep 2030: joined 2025-03-01 has only 5; graduating-class first, then the longest-serving.
    expect(state.due.map((d) => d.id)).toEqual([teachers[1]!.id, teachers[2]!.id, teachers[0]!.id]);
    expect(state.teacherCount).toBe(10);

    const entries = [{ teacherId: teachers[0]!.id, toSchoolId: t.org.core.id }];
    await approveSteps(t, chainOf(t, workflowId, 'proposal-1'), [['core', { entries }]]);
    // Quotas met: only the plain EDU approval, no justification step.
    await approveSteps(t, chainOf(t, workflowId, 'approval'), ['edu']);

    const result = await handle.result();
    expect(result).toMatchObject({ phase: 'APPROVED', terms: [{ teacherId: teachers[0]!.id, workflowId: exchangeTermWorkflowId(teachers[0]!.id, 2030), alreadyStarted: false }] });
    expect(await t.db.rotationPlan.findUniqueOrThrow({ where: { groupId_schoolYear: { groupId: t.org.group.id, schoolYear: 2030 } } })).toMatchObject({ plannedCount: 1, backboneCount: 1, meetsQuota: true, meetsBackbone: true, dueCount: 3, teacherCount: 10 });
    expect(await t.db.case.findFirstOrThrow({ where: { workflowId } })).toMatchObject({ type: 'ROTATION_PLAN', status: 'APPROVED', initiatorId: null });
    const term = t.env.client.workflow.getHandle(exchangeTermWorkflowId(teachers[0]!.id, 2030));
    await expect.poll(async () => (await term.query(termStateQuery)).phase).toBe('NOMINATION');
    await recordHistory(handle, 'rotation-plan-approved');
  });

  it('never starts a second term for a teacher and year when the approved plan runs again', async () => {
    const { workflowId, handle: started } = startPlan(2030);
    const handle = await started;
    const entries = [{ teacherId: teachers[0]!.id, toSchoolId: t.org.core.id }];
    await approveSteps(t, chainOf(t, workflowId, 'proposal-1'), [['core', { entries }]]);
    await approveSteps(t, chainOf(t, workflowId, 'approval'), ['edu']);

    expect((await handle.result()).terms).toEqual([{ teacherId: teachers[0]!.id, workflowId: exchangeTermWorkflowId(teachers[0]!.id, 2030), alreadyStarted: true }]);
    expect(await t.db.case.count({ where: { type: 'TEACHER_EXCHANGE', teacherId: teachers[0]!.id } })).toBe(1);
  });

  it('R-EXCH-BACKBONE: sends back a plan below a quota without justification, then needs an EDU lead to approve the justification', async () => {
    const { workflowId, handle: started } = startPlan(2031);
    const handle = await started;
    // One teacher who is not a backbone teacher: 0 of 1 < 50 %.
    const entries = [{ teacherId: teachers[1]!.id, toSchoolId: t.org.core.id }];
    await approveSteps(t, chainOf(t, workflowId, 'proposal-1'), [['core', { entries }]]);
    await expect.poll(async () => (await handle.query(planStateQuery)).proposalRound).toBe(2);
    const justification = '本年度骨干教师均承担毕业班教学，明年补足。';
    await approveSteps(t, chainOf(t, workflowId, 'proposal-2'), [['core', { entries, justification }]]);

    const approval = chainOf(t, workflowId, 'approval');
    const justificationTask = await t.pendingTask(approval, 0);
    // Departing from a quota is a lead's decision (leadOnly): a plain EDU official is refused.
    await expect(t.decide(approval, t.decision('edu', justificationTask))).rejects.toMatchObject({ cause: { type: 'NOT_ASSIGNED' } });
    await approveSteps(t, approval, ['eduLead', 'edu']);

    expect(await handle.result()).toMatchObject({ phase: 'APPROVED', terms: [{ teacherId: teachers[1]!.id, alreadyStarted: false }] });
    expect(await t.db.rotationPlan.findUniqueOrThrow({ where: { groupId_schoolYear: { groupId: t.org.group.id, schoolYear: 2031 } } })).toMatchObject({ meetsQuota: true, meetsBackbone: false, justification });
    const refused = await t.db.caseEvent.findFirstOrThrow({ where: { case: { workflowId }, kind: 'MILESTONE' } });
    expect(refused.comment).toContain('quota missed without a justification');
    await recordHistory(handle, 'rotation-plan-justified');
  });

  it('sends back a plan naming a teacher outside the group', async () => {
    const { workflowId, handle: started } = startPlan(2032);
    const handle = await started;
    const outsider = '00000000-0000-4000-8000-000000000000';
    await approveSteps(t, chainOf(t, workflowId, 'proposal-1'), [['core', { entries: [{ teacherId: outsider, toSchoolId: t.org.core.id }] }]]);
    await expect.poll(async () => (await handle.query(planStateQuery)).check?.problems).toEqual([{ teacherId: outsider, problem: 'TEACHER_NOT_IN_GROUP' }]);
    expect((await handle.query(planStateQuery)).proposalRound).toBe(2);
    await handle.terminate('test done');
  });
});
