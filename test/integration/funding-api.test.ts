/**
 * The money and staffing cases end to end through the API on the Temporal dev server: who may
 * start what, validation as 4xx with catalogue codes, approvals from the inbox, ledger rows and
 * quotas in the database (R-FUND-NEWSCHOOL, R-FUND-RESERVE, R-FUND-LECTURE, R-STAFF-ANNUAL).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import { call } from '../support/api.js';
import { createNewSchool, createTeacher } from '../support/funding.js';
import { startStack, type Stack } from '../support/stack.js';

let s: Stack;

beforeAll(async () => {
  s = await startStack();
});

afterAll(async () => {
  await s?.close();
});

type Who = keyof Stack['tokens'];

async function inboxTask(who: Who, caseId: string): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const inbox = await call(s.api, 'GET', '/api/inbox', { token: s.tokens[who] });
    const task = inbox.body.items.find((t: { caseId: string }) => t.caseId === caseId);
    if (task) return task.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no task for ${who} on case ${caseId}`);
}

const decide = (who: Who, taskId: string, body: Record<string, unknown>) =>
  call(s.api, 'POST', `/api/tasks/${taskId}/decision?wait=true`, { token: s.tokens[who], body: { requestId: randomUUID(), ...body } });

const post = (who: Who, path: string, body: unknown) => call(s.api, 'POST', path, { token: s.tokens[who], body });

describe('new-school subsidy through the API (R-FUND-NEWSCHOOL, R-FUND-RESERVE)', () => {
  it('EDU starts the period; EDU and FIN approve the first year; the ledger shows each campus and the reserve in fen', async () => {
    const school = await createNewSchool(s.db, s.org, { at: new Date(), ageDays: 200, campuses: ['北校区', '南校区'] });

    const byMember = await post('member', '/api/funding/new-school-subsidies', { schoolId: school.id });
    const started = await post('edu', '/api/funding/new-school-subsidies', { schoolId: school.id });
    const again = await post('edu', '/api/funding/new-school-subsidies', { schoolId: school.id });
    const caseId = started.body.id as string;
    await decide('edu', await inboxTask('edu', caseId), { action: 'APPROVE' });
    const finTask = await inboxTask('fin', caseId);
    const tooLittle = await decide('fin', finTask, { action: 'APPROVE', form: { perCampusFen: 100, paymentDate: '2027-10-31' } });
    const approved = await decide('fin', finTask, { action: 'APPROVE', form: { perCampusFen: 52_000_000, paymentDate: '2027-10-31' } });
    await expect.poll(async () => (await call(s.api, 'GET', `/api/funding/cases/${caseId}/ledger`, { token: s.tokens.edu })).body.items.length).toBe(3);
    const ledger = await call(s.api, 'GET', `/api/funding/cases/${caseId}/ledger`, { token: s.tokens.fin });

    expect(byMember.status).toBe(403);
    expect(started.status).toBe(201);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'SUBSIDY_EXISTS' } } });
    expect(tooLittle).toMatchObject({ status: 422, body: { error: { code: 'FORM_INVALID' } } });
    expect(approved.status).toBe(200);
    expect(ledger.body.totalFen).toBe(2 * 52_000_000 + 80_000_000);
    expect(ledger.body.items.map((e: { kind: string; amountFen: number; payeeSchoolId: string }) => [e.kind, e.amountFen, e.payeeSchoolId]).sort()).toEqual(
      [
        ['NEW_SCHOOL_CAMPUS', 52_000_000, s.org.core.id],
        ['NEW_SCHOOL_CAMPUS', 52_000_000, s.org.core.id],
        ['NEW_SCHOOL_RESERVE', 80_000_000, school.id],
      ].sort(),
    );
    await s.temporal.workflow.getHandle(started.body.workflowId).terminate('test done: the later years are covered by the time-skipping test');
  });

  it('refuses a school founded 3 or more years ago with NOT_NEW_SCHOOL', async () => {
    const old = await createNewSchool(s.db, s.org, { at: new Date(), ageDays: 4 * 365, campuses: [] });

    const refused = await call(s.api, 'POST', '/api/funding/new-school-subsidies', { token: s.tokens.edu, body: { schoolId: old.id }, lang: 'en' });

    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'NOT_NEW_SCHOOL' } } });
    expect(refused.body.error.message).toContain('new-school subsidy');
    expect(await s.db.case.count({ where: { schoolId: old.id } })).toBe(0);
  });
});

describe('expert lecture fee through the API (R-FUND-LECTURE)', () => {
  it('a member school claims for a core backbone teacher; EDU and FIN approve; the ledger holds rate × hours', async () => {
    const lecturer = await createTeacher(s.db, s.org, { schoolId: s.org.core.id, backbone: 'BACKBONE', title: 'PROFESSOR' });
    const plain = await createTeacher(s.db, s.org, { schoolId: s.org.core.id, backbone: 'NONE', title: 'PROFESSOR' });
    const claim = { teacherId: lecturer.id, hours: 2, topic: '大单元教学设计', lectureDate: '2026-11-20' };

    const notBackbone = await post('member', '/api/funding/lecture-fees', { ...claim, teacherId: plain.id });
    const byCore = await post('core', '/api/funding/lecture-fees', claim);
    const badHours = await post('member', '/api/funding/lecture-fees', { ...claim, hours: 1.5 });
    const created = await post('member', '/api/funding/lecture-fees', claim);
    const caseId = created.body.id as string;
    await decide('edu', await inboxTask('edu', caseId), { action: 'APPROVE' });
    await decide('fin', await inboxTask('fin', caseId), { action: 'APPROVE' });
    await expect.poll(async () => (await call(s.api, 'GET', `/api/cases/${caseId}`, { token: s.tokens.member })).body.status).toBe('APPROVED');
    const ledger = await call(s.api, 'GET', `/api/funding/cases/${caseId}/ledger`, { token: s.tokens.member });

    expect(notBackbone).toMatchObject({ status: 422, body: { error: { code: 'LECTURER_NOT_CORE_BACKBONE' } } });
    expect(byCore).toMatchObject({ status: 422, body: { error: { code: 'NOT_MEMBER_SCHOOL' } } });
    expect(badHours).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(created).toMatchObject({ status: 201, body: { amountFen: 2 * policyConfig.funding.lectureFeeFenPerHour.PROFESSOR } });
    expect(ledger.body.items).toMatchObject([{ kind: 'LECTURE_FEE', amountFen: 200_000, teacherId: lecturer.id, schoolId: s.org.member.id, schoolYear: 2026 }]);
  });
});

describe('staffing adjustment through the API (R-STAFF-ANNUAL)', () => {
  it('STAFF proposes; STAFF, HR and EDU approve; the quotas sum to the fixed total', async () => {
    // Schools other tests of this file added to the group have no pupils yet.
    const others = await s.db.school.findMany({ where: { groupId: s.org.group.id, id: { notIn: [s.org.core.id, s.org.member.id] } } });
    const enrolments = [{ schoolId: s.org.core.id, enrolment: 900 }, { schoolId: s.org.member.id, enrolment: 600 }, ...others.map((o) => ({ schoolId: o.id, enrolment: 0 }))];
    const proposal = { groupId: s.org.group.id, schoolYear: 2027, total: 75, enrolments };

    const byMember = await post('member', '/api/staffing/adjustments', proposal);
    const missing = await post('staff', '/api/staffing/adjustments', { ...proposal, enrolments: enrolments.slice(0, 1) });
    const created = await post('staff', '/api/staffing/adjustments', proposal);
    const twice = await post('core', '/api/staffing/adjustments', proposal);
    const caseId = created.body.id as string;
    for (const who of ['staff', 'hr', 'edu'] as const) await decide(who, await inboxTask(who, caseId), { action: 'APPROVE' });
    await expect.poll(async () => s.db.staffingAllocation.count({ where: { groupId: s.org.group.id, schoolYear: 2027 } })).toBe(enrolments.length);
    const stored = await s.db.staffingAllocation.findMany({ where: { groupId: s.org.group.id, schoolYear: 2027, quota: { gt: 0 } }, orderBy: { quota: 'desc' } });
    const changedTotal = await post('staff', '/api/staffing/adjustments', { ...proposal, schoolYear: 2028, total: 80 });

    expect(byMember.status).toBe(403);
    expect(missing).toMatchObject({ status: 422, body: { error: { code: 'STAFFING_SCHOOLS_MISMATCH' } } });
    expect(created.status).toBe(201);
    expect(created.body.quotas.map((q: { quota: number }) => q.quota)).toEqual([45, 30, ...others.map(() => 0)]);
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'STAFFING_EXISTS' } } });
    expect(stored.map((a) => [a.schoolId, a.quota])).toEqual([[s.org.core.id, 45], [s.org.member.id, 30]]);
    expect(changedTotal).toMatchObject({ status: 422, body: { error: { code: 'STAFFING_TOTAL_CHANGED' } } });
  });
});

describe('the money and staffing operations in /openapi.json', () => {
  it('publishes each operation with the body the API validates', async () => {
    const doc = await call(s.api, 'GET', '/openapi.json');

    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/funding/new-school-subsidies', '/api/funding/lecture-fees', '/api/funding/cases/{id}/ledger', '/api/staffing/adjustments']));
    expect(doc.body.paths['/api/funding/lecture-fees'].post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['teacherId', 'hours', 'topic', 'lectureDate']));
    expect(doc.body.paths['/api/staffing/adjustments'].post.requestBody.content['application/json'].schema.properties.total.type).toBe('integer');
  });
});
