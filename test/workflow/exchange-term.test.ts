/**
 * Exchange terms and refusals on the time-skipping server with the real policy durations: a whole
 * three-school-year term from nomination to return, and a refusal (R-EXCH-*, R-EVAL-UNIFIED).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { assessmentOpensAt, schoolYearStartsAt, termEndReminderAt, termEndsAt } from '../../policy/exchange.js';
import { exchangeRefusalWorkflowId } from '../../workflows/exchange-refusal/messages.js';
import { exchangeRefusalWorkflow } from '../../workflows/exchange-refusal/workflow.js';
import { exchangeTermWorkflowId, termStateQuery } from '../../workflows/exchange-term/messages.js';
import { exchangeTermWorkflow } from '../../workflows/exchange-term/workflow.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { approveSteps, chainOf, createTeacher, skipTo } from '../support/exchange.js';
import { recipients } from '../support/smtp.js';
import { recordHistory } from '../support/histories.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
  // R-EXCH-SUPPORT: the member school is a weak school recognised by the city bureau.
  await t.db.school.update({ where: { id: t.org.member.id }, data: { weak: true } });
});

afterAll(async () => {
  await t?.close();
});

async function nextSchoolYear() {
  return schoolYearOf(new Date(await t.env.currentTimeMs()), policyConfig) + 1;
}

async function startTerm(teacherId: string, toSchoolId: string, startSchoolYear: number, initiator: 'core' | 'member') {
  const workflowId = exchangeTermWorkflowId(teacherId, startSchoolYear);
  const handle = await t.env.client.workflow.start(exchangeTermWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ teacherId, toSchoolId, startSchoolYear, initiatorId: t.org.officials[initiator].id }] });
  return { workflowId, handle };
}

describe('exchange term', () => {
  it('R-EXCH-RETURN: runs a core→member term of 3 school years from nomination (with HR) through yearly scores and a reminder to the return and the records', async () => {
    const teacher = await createTeacher(t.db, t.org, { schoolId: t.org.core.id, weakSchoolYears: 3 });
    const start = await nextSchoolYear();
    const { workflowId, handle } = await startTerm(teacher.id, t.org.member.id, start, 'core');

    // Home school (the core school here), core school, EDU, then HR because the core→member bonus moves title points.
    await approveSteps(t, chainOf(t, workflowId, 'nomination'), ['core', 'core', 'edu', 'hr']);
    await expect.poll(async () => (await handle.query(termStateQuery)).phase).toBe('APPROVED');
    expect(await t.db.teacherExchange.findUniqueOrThrow({ where: { teacherId_startSchoolYear: { teacherId: teacher.id, startSchoolYear: start } } })).toMatchObject({ status: 'APPROVED', supportCredit: true, coreToMember: true });

    await skipTo(t, schoolYearStartsAt(start, policyConfig));
    await expect.poll(async () => (await handle.query(termStateQuery)).phase).toBe('ACTIVE');
    expect((await t.db.teacher.findUniqueOrThrow({ where: { id: teacher.id } })).currentSchoolId).toBe(t.org.member.id);

    // R-EVAL-UNIFIED: each school year the destination school scores the teacher.
    for (const [i, year] of [start, start + 1, start + 2].entries()) {
      await skipTo(t, assessmentOpensAt(year, policyConfig));
      await approveSteps(t, chainOf(t, workflowId, `score-${year}`), [['member', { score: 90 + i, remarks: '表现优秀' }]]);
      await expect.poll(async () => (await handle.query(termStateQuery)).scores.find((s) => s.schoolYear === year)?.score).toBe(90 + i);
    }

    // Every party hears before the end: home school, destination school (and the core school).
    await skipTo(t, termEndReminderAt(start, policyConfig));
    const reminder = await t.smtp.waitFor((m) => m.subject?.startsWith('【期满提醒】') === true && recipients(m).includes(t.org.officials.member.email) && m.text?.includes(teacher.name) === true);
    expect(reminder.text).toContain('an exchanged teacher returns to the home school');

    await skipTo(t, termEndsAt(start, policyConfig));
    await expect.poll(async () => (await handle.query(termStateQuery)).phase).toBe('RETURNING');
    await approveSteps(t, chainOf(t, workflowId, 'return-1'), [['core', { returnedOn: `${start + 3}-09-01` }]]);

    expect(await handle.result()).toMatchObject({ phase: 'COMPLETED' });
    const after = await t.db.teacher.findUniqueOrThrow({ where: { id: teacher.id }, include: { titlePoints: true, assessments: { orderBy: { schoolYear: 'asc' } }, exchanges: true } });
    expect(after.currentSchoolId).toBe(t.org.core.id);
    expect(after.supportYears).toBe(3); // R-EXCH-SUPPORT
    expect(after.weakSchoolYears).toBe(6); // R-EXCH-SPECIALPOST: 3 before + 3 at the weak member school
    expect(after.titlePoints).toMatchObject([{ reason: 'CORE_TO_MEMBER_BONUS', points: policyConfig.exchange.coreToMemberBonusPoints }]);
    expect(after.assessments.map((a) => a.score)).toEqual([90, 91, 92]);
    expect(after.exchanges).toMatchObject([{ status: 'COMPLETED' }]);
    expect((await t.db.case.findFirstOrThrow({ where: { workflowId } })).status).toBe('COMPLETED');
    await recordHistory(handle, 'exchange-term-completed');
  });

  it('closes a rejected nomination with no term on the teacher\'s record', async () => {
    const teacher = await createTeacher(t.db, t.org, { schoolId: t.org.member.id });
    const { workflowId, handle } = await startTerm(teacher.id, t.org.core.id, await nextSchoolYear(), 'member');
    const chain = chainOf(t, workflowId, 'nomination');
    await approveSteps(t, chain, ['member']);
    await t.decide(chain, t.decision('core', await t.pendingTask(chain, 1), 'REJECT', { comment: '该教师承担毕业班教学' }));

    expect(await handle.result()).toMatchObject({ phase: 'REJECTED' });
    expect(await t.db.teacherExchange.count({ where: { teacherId: teacher.id } })).toBe(0);
    expect((await t.db.case.findFirstOrThrow({ where: { workflowId } })).status).toBe('REJECTED');
  });
});

describe('exchange refusal', () => {
  it('R-EXCH-REFUSAL: records the title-point deduction only after core school, EDU and HR approve', async () => {
    const teacher = await createTeacher(t.db, t.org, { schoolId: t.org.member.id });
    const year = await nextSchoolYear();
    const workflowId = exchangeRefusalWorkflowId(teacher.id, year);
    const handle = await t.env.client.workflow.start(exchangeRefusalWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ teacherId: teacher.id, schoolYear: year, reason: '家庭原因拒绝交流', initiatorId: t.org.officials.member.id }] });

    const chain = chainOf(t, workflowId, 'refusal');
    await approveSteps(t, chain, ['core', 'edu']);
    expect(await t.db.titlePointEntry.count({ where: { teacherId: teacher.id } })).toBe(0);
    await t.decide(chain, t.decision('hr', await t.pendingTask(chain, 2)));

    expect(await handle.result()).toMatchObject({ status: 'APPROVED', deductedPoints: policyConfig.exchange.refusalDeductionPoints });
    expect(await t.db.titlePointEntry.findMany({ where: { teacherId: teacher.id } })).toMatchObject([{ reason: 'EXCHANGE_REFUSAL', points: -policyConfig.exchange.refusalDeductionPoints, schoolYear: year }]);
    await recordHistory(handle, 'exchange-refusal-approved');
  });

  it('R-EXCH-REFUSAL: deducts nothing when EDU does not confirm the refusal', async () => {
    const teacher = await createTeacher(t.db, t.org, { schoolId: t.org.member.id });
    const year = await nextSchoolYear();
    const workflowId = exchangeRefusalWorkflowId(teacher.id, year);
    const handle = await t.env.client.workflow.start(exchangeRefusalWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ teacherId: teacher.id, schoolYear: year, reason: '身体原因', initiatorId: t.org.officials.member.id }] });
    const chain = chainOf(t, workflowId, 'refusal');
    await approveSteps(t, chain, ['core']);
    await t.decide(chain, t.decision('edu', await t.pendingTask(chain, 1), 'REJECT', { comment: '有医院证明，不属拒不交流' }));

    expect(await handle.result()).toMatchObject({ status: 'REJECTED', deductedPoints: 0 });
    expect(await t.db.titlePointEntry.count({ where: { teacherId: teacher.id } })).toBe(0);
  });
});
