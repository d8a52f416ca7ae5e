/**
 * Teacher exchange through the API on the Temporal dev server (real time, so no term reaches its
 * end here; the time-skipping tests cover the long timers): nomination, its chain in the inboxes,
 * the term's state, an early end, a refusal and a rotation plan, with the domain errors.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { call } from '../support/api.js';
import { createTeacher } from '../support/exchange.js';
import { startStack, type Stack } from '../support/stack.js';

let s: Stack;
const nextYear = schoolYearOf(new Date(), policyConfig) + 1;

beforeAll(async () => {
  s = await startStack();
});

afterAll(async () => {
  await s?.close();
});

async function inboxTask(who: keyof Stack['tokens'], caseId: string): Promise<{ id: string; formKind: string | null }> {
  for (let i = 0; i < 100; i += 1) {
    const inbox = await call(s.api, 'GET', '/api/inbox', { token: s.tokens[who] });
    const task = inbox.body.items.find((t: { caseId: string }) => t.caseId === caseId);
    if (task) return task;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no task for ${who} on case ${caseId}`);
}

async function approve(who: keyof Stack['tokens'], caseId: string) {
  const task = await inboxTask(who, caseId);
  const decided = await call(s.api, 'POST', `/api/tasks/${task.id}/decision?wait=true`, { token: s.tokens[who], body: { requestId: randomUUID(), action: 'APPROVE' } });
  expect(decided.status).toBe(200);
}

async function termState(caseId: string, who: keyof Stack['tokens'] = 'member') {
  for (let i = 0; i < 100; i += 1) {
    const got = await call(s.api, 'GET', `/api/exchange/terms/${caseId}`, { token: s.tokens[who] });
    if (got.status === 200) return got.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`term ${caseId} never readable`);
}

describe('exchange API', () => {
  it('nominates a term, runs its chain through the inboxes, and ends it early on EDU approval', async () => {
    const teacher = await createTeacher(s.db, s.org, { schoolId: s.org.member.id });
    const body = { teacherId: teacher.id, toSchoolId: s.org.core.id, startSchoolYear: nextYear };

    expect((await call(s.api, 'POST', '/api/exchange/terms', { token: s.tokens.core, body })).status).toBe(403);
    expect((await call(s.api, 'POST', '/api/exchange/terms', { token: s.tokens.member, body: { ...body, toSchoolId: s.org.member.id } })).body.error.code).toBe('EXCHANGE_SAME_SCHOOL');
    const created = await call(s.api, 'POST', '/api/exchange/terms', { token: s.tokens.member, body });
    expect(created.status).toBe(201);
    const again = await call(s.api, 'POST', '/api/exchange/terms', { token: s.tokens.member, body, lang: 'en' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'EXCHANGE_TERM_EXISTS' } } });

    const { caseId } = created.body as { caseId: string };
    // The API opens the case row before the workflow starts: listed at once, with its zh-CN/English title.
    expect(await s.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ type: 'TEACHER_EXCHANGE', status: 'RUNNING', teacherId: teacher.id, title: expect.stringContaining(teacher.name) });
    expect(await termState(caseId)).toMatchObject({ phase: 'NOMINATION', schoolYears: [nextYear, nextYear + 1, nextYear + 2] });
    await approve('member', caseId);
    await approve('core', caseId);
    await approve('edu', caseId);
    await expect.poll(async () => (await termState(caseId)).phase, { timeout: 10_000 }).toBe('APPROVED');

    const early = { requestId: randomUUID(), reason: 'TRANSFER', comment: '工作调动' };
    const requested = await call(s.api, 'POST', `/api/exchange/terms/${caseId}/early-end`, { token: s.tokens.member, body: early });
    expect(requested).toMatchObject({ status: 200, body: { earlyEnd: { reason: 'TRANSFER', status: 'PENDING' } } });
    const second = await call(s.api, 'POST', `/api/exchange/terms/${caseId}/early-end`, { token: s.tokens.member, body: { ...early, requestId: randomUUID() } });
    expect(second).toMatchObject({ status: 409, body: { error: { code: 'EARLY_END_PENDING' } } });
    await approve('edu', caseId);

    await expect.poll(async () => (await termState(caseId, 'edu')).phase, { timeout: 10_000 }).toBe('ENDED_EARLY');
    expect(await s.db.teacherExchange.findUniqueOrThrow({ where: { caseId } })).toMatchObject({ status: 'ENDED_EARLY', endReason: 'TRANSFER: 工作调动' });
    expect((await s.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('ENDED_EARLY');
  });

  it('R-EXCH-REFUSAL: takes a refusal only for a teacher due, and records the deduction after approval', async () => {
    const newcomer = await createTeacher(s.db, s.org, { schoolId: s.org.member.id, joinedGroupOn: `${nextYear - 2}-09-01` });
    const notDue = await call(s.api, 'POST', '/api/exchange/refusals', { token: s.tokens.member, body: { teacherId: newcomer.id, schoolYear: nextYear, reason: '不愿交流' } });
    expect(notDue).toMatchObject({ status: 422, body: { error: { code: 'EXCHANGE_NOT_DUE' } } });

    const due = await createTeacher(s.db, s.org, { schoolId: s.org.member.id, joinedGroupOn: '2010-09-01' });
    const created = await call(s.api, 'POST', '/api/exchange/refusals', { token: s.tokens.member, body: { teacherId: due.id, schoolYear: nextYear, reason: '不愿交流' } });
    expect(created.status).toBe(201);
    const { caseId } = created.body as { caseId: string };
    await approve('core', caseId);
    await approve('edu', caseId);
    await approve('hr', caseId);

    await expect.poll(async () => s.db.titlePointEntry.findMany({ where: { teacherId: due.id } }), { timeout: 10_000 }).toMatchObject([{ reason: 'EXCHANGE_REFUSAL', points: -policyConfig.exchange.refusalDeductionPoints }]);
  });

  it('starts a rotation plan once per group and year, for the scheduler but not a member school', async () => {
    const body = { groupId: s.org.group.id, schoolYear: nextYear };
    expect((await call(s.api, 'POST', '/api/exchange/rotation-plans', { token: s.tokens.member, body })).status).toBe(403);
    const created = await call(s.api, 'POST', '/api/exchange/rotation-plans', { token: s.tokens.scheduler, body });
    expect(created.status).toBe(201);
    expect((await call(s.api, 'POST', '/api/exchange/rotation-plans', { token: s.tokens.edu, body })).body.error.code).toBe('EXCHANGE_PLAN_RUNNING');

    const { caseId, workflowId } = created.body as { caseId: string; workflowId: string };
    const proposal = await inboxTask('core', caseId);
    expect(proposal.formKind).toBe('ROTATION_PLAN');
    const plan = await call(s.api, 'GET', `/api/exchange/rotation-plans/${s.org.group.id}/${nextYear}`, { token: s.tokens.edu });
    expect(plan).toMatchObject({ status: 200, body: { phase: 'PROPOSING', caseId } });
    expect(plan.body.due.length).toBeGreaterThan(0);
    await s.temporal.workflow.getHandle(workflowId).terminate('integration test done');
  });

  it('publishes the exchange operations in /openapi.json', async () => {
    const doc = await call(s.api, 'GET', '/openapi.json');
    expect(doc.body.paths['/api/exchange/terms'].post.requestBody.content['application/json'].schema.required).toEqual(['teacherId', 'toSchoolId', 'startSchoolYear']);
    expect(doc.body.paths['/api/exchange/terms/{id}/early-end'].post.requestBody.content['application/json'].schema.properties.reason.enum).toEqual(['ILLNESS', 'TRANSFER', 'OTHER']);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/exchange/rotation-plans', '/api/exchange/refusals', '/api/exchange/terms/{id}']));
  });
});
