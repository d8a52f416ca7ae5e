/**
 * The organisation cases through the API on the Temporal dev server: a secondment, a group change
 * and a cadre placement started and approved by the officials the rules name, and every rule a
 * start request can break refused before any case exists.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/api.js';
import { createGroup, createSchool } from '../support/org-cases.js';
import { startStack, type Stack } from '../support/stack.js';
import { secondmentStateQuery } from '../../workflows/secondment/messages.js';

let s: Stack;
type Who = keyof Stack['tokens'];
const started: string[] = [];

beforeAll(async () => {
  s = await startStack();
});

afterAll(async () => {
  // The terms run for years on the shared dev server: end them with the test.
  for (const workflowId of started) await s.temporal.workflow.getHandle(workflowId).terminate('test done').catch(() => undefined);
  await s?.close();
});

async function start(who: Who, path: string, body: unknown) {
  const response = await call(s.api, 'POST', path, { token: s.tokens[who], body });
  if (response.status === 201) started.push(response.body.workflowId);
  return response;
}

async function inboxTask(who: Who, caseId: string): Promise<{ id: string; stepKey: string; formKind: string | null }> {
  for (let i = 0; i < 100; i += 1) {
    const inbox = await call(s.api, 'GET', '/api/inbox', { token: s.tokens[who] });
    const task = inbox.body.items.find((t: { caseId: string }) => t.caseId === caseId);
    if (task) return task;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no task for ${who} on case ${caseId}`);
}

async function approve(who: Who, caseId: string, form?: Record<string, unknown>) {
  const task = await inboxTask(who, caseId);
  const response = await call(s.api, 'POST', `/api/tasks/${task.id}/decision?wait=true`, { token: s.tokens[who], body: { requestId: randomUUID(), action: 'APPROVE', ...(form ? { form } : {}) } });
  expect(response.status).toBe(200);
  return task;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !done(value); i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

const team = [
  { name: '王校长', post: 'SCHOOL_LEADER' },
  { name: '李主任', post: 'MIDDLE_MANAGER' },
  { name: '赵主任', post: 'MIDDLE_MANAGER' },
];

describe('secondments through the API (R-SECOND-*)', () => {
  it('R-SECOND-OUT: the core school starts a secondment; ORG then EDU approve and the term waits for its start', async () => {
    // Arrange
    const body = { direction: 'CORE_TO_MEMBER', memberSchoolId: s.org.member.id, members: team, startsOn: '2027-09-01', endsOn: '2029-08-31' };

    // Act
    const created = await start('core', '/api/secondments', body);
    await approve('org', created.body.id);
    await approve('edu', created.body.id);
    const row = await eventually(() => s.db.secondment.findUnique({ where: { caseId: created.body.id } }), (r) => r?.status === 'APPROVED');

    // Assert
    expect(created.status).toBe(201);
    expect(row).toMatchObject({ status: 'APPROVED', fromSchoolId: s.org.core.id, toSchoolId: s.org.member.id });
    const detail = await call(s.api, 'GET', `/api/cases/${created.body.id}`, { token: s.tokens.core });
    expect(detail.body).toMatchObject({ type: 'SECONDMENT', status: 'RUNNING' });
    expect(detail.body.copies.map((c: { unit: { code: string } }) => c.unit.code).sort()).toEqual(['EDU', 'ORG']);
    expect(await s.temporal.workflow.getHandle(created.body.workflowId).query(secondmentStateQuery)).toEqual({ phase: 'APPROVED' });
  });

  it('R-SECOND-IN: refuses an incomplete team with everything it lacks, before any case exists', async () => {
    // Arrange
    const before = await s.db.case.count({ where: { type: 'SECONDMENT', schoolId: s.org.member.id } });

    // Act
    const refused = await start('member', '/api/secondments', { direction: 'MEMBER_TO_CORE', memberSchoolId: s.org.member.id, members: [{ name: '副校长', post: 'SCHOOL_LEADER' }, { name: '主任', post: 'MIDDLE_MANAGER' }], startsOn: '2027-09-01', endsOn: '2028-08-31' });

    // Assert
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('SECONDMENT_TEAM_INCOMPLETE');
    expect(refused.body.error.details.missing.map((m: { need: string; required: number; actual: number }) => [m.need, m.required, m.actual])).toEqual([
      ['PRINCIPAL', 1, 0],
      ['MIDDLE_MANAGER', 2, 1],
    ]);
    expect(await s.db.case.count({ where: { type: 'SECONDMENT', schoolId: s.org.member.id } })).toBe(before);
  });

  it('lets only EDU or the sending school start a secondment', async () => {
    const body = { direction: 'CORE_TO_MEMBER', memberSchoolId: s.org.member.id, members: team, startsOn: '2027-09-01', endsOn: '2029-08-31' };
    expect((await start('member', '/api/secondments', body)).status).toBe(403);
    expect((await start('fin', '/api/secondments', body)).status).toBe(403);
  });
});

describe('group changes through the API (R-GROUP-SIZE)', () => {
  it('refuses a 9th member with a clear error before any case starts', async () => {
    // Arrange
    const { group } = await createGroup(s.db, s.org, 8);
    const school = await createSchool(s.db, s.org);

    // Act
    const refused = await start('edu', '/api/group-changes', { kind: 'ADD_MEMBER', groupId: group.id, schoolId: school.id, justification: '理由' });

    // Assert
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'GROUP_TOO_LARGE', details: { members: 8, after: 9, hardMax: 8 } });
    expect(await s.db.case.count({ where: { schoolId: school.id } })).toBe(0);
  });

  it('asks for a justification for a 7th member, then routes it to an EDU lead with a form before EDU approves', async () => {
    // Arrange
    const { group } = await createGroup(s.db, s.org, 6);
    const school = await createSchool(s.db, s.org);
    const body = { kind: 'ADD_MEMBER', groupId: group.id, schoolId: school.id };

    // Act
    const withoutReason = await start('edu', '/api/group-changes', body);
    const created = await start('edu', '/api/group-changes', { ...body, justification: '片区学位紧张，需扩大优质资源覆盖' });
    const justificationTask = await approve('eduLead', created.body.id, { justification: '同意：片区学位紧张' });
    await approve('edu', created.body.id);
    const joined = await eventually(() => s.db.school.findUniqueOrThrow({ where: { id: school.id } }), (x) => x.groupId === group.id);

    // Assert
    expect(withoutReason.status).toBe(422);
    expect(withoutReason.body.error.code).toBe('GROUP_JUSTIFICATION_REQUIRED');
    expect(created.status).toBe(201);
    expect(created.body.size).toMatchObject({ members: 6, after: 7 });
    expect(justificationTask).toMatchObject({ stepKey: 'group-change-size-justification', formKind: 'GROUP_SIZE_JUSTIFICATION' });
    expect(joined).toMatchObject({ groupId: group.id, role: 'MEMBER' });
  });

  it('warns, without refusing, when a removal leaves fewer than 4 members; only EDU starts group changes', async () => {
    // Arrange
    const { group, members } = await createGroup(s.db, s.org, 4);

    // Act
    const forbidden = await start('core', '/api/group-changes', { kind: 'REMOVE_MEMBER', groupId: group.id, schoolId: members[0]!.id });
    const created = await start('edu', '/api/group-changes', { kind: 'REMOVE_MEMBER', groupId: group.id, schoolId: members[0]!.id });
    const again = await start('edu', '/api/group-changes', { kind: 'REMOVE_MEMBER', groupId: group.id, schoolId: members[0]!.id });

    // Assert
    expect(forbidden.status).toBe(403);
    expect(created.status).toBe(201);
    expect(created.body.warnings.map((w: { code: string }) => w.code)).toEqual(['GROUP_BELOW_MIN_SIZE']);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('GROUP_CHANGE_PENDING');
  });
});

describe('the API description', () => {
  it('publishes the three start operations in /openapi.json', async () => {
    const doc = await call(s.api, 'GET', '/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/secondments', '/api/group-changes', '/api/cadre-placements']));
    expect(doc.body.paths['/api/secondments'].post.requestBody.content['application/json'].schema.properties.members).toBeDefined();
  });
});

describe('cadre placements through the API (R-CADRE-FLAGSHIP)', () => {
  it('ORG starts a placement; ORG, HR and EDU approve in turn', async () => {
    // Arrange
    const body = { candidateName: '张老师', category: 'RESERVE_CADRE', flagshipSchool: '市实验学校', startsOn: '2027-03-01', endsOn: '2027-06-30' };

    // Act
    const forbidden = await start('edu', '/api/cadre-placements', body);
    const created = await start('org', '/api/cadre-placements', body);
    const steps = [await approve('org', created.body.id), await approve('hr', created.body.id), await approve('edu', created.body.id)];
    const row = await eventually(() => s.db.cadrePlacement.findUnique({ where: { caseId: created.body.id } }), (r) => r?.status === 'APPROVED');

    // Assert
    expect(forbidden.status).toBe(403);
    expect(created.status).toBe(201);
    expect(steps.map((t) => t.stepKey)).toEqual(['cadre-org-selection', 'cadre-hr-review', 'cadre-edu-approval']);
    expect(row).toMatchObject({ status: 'APPROVED', candidateName: '张老师', flagshipSchool: '市实验学校' });
  });

  it('refuses a placement that ends before it starts', async () => {
    const refused = await start('org', '/api/cadre-placements', { candidateName: '李老师', category: 'CADRE', flagshipSchool: '市一中', startsOn: '2027-06-30', endsOn: '2027-03-01' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ path: 'endsOn', message: 'endsOn must not be before startsOn' }]);
  });
});
