/**
 * The officials' side of the approval engine through HTTP, against the Temporal dev server and the
 * database: inbox filters and countersign progress, the lists of an official, case search and
 * detail, delegation, claim and reassignment, withdrawal and return, admin inspection, the API docs.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../prisma/client.js';
import { call, type TestApi } from '../support/api.js';
import type { TestOrg } from '../support/org.js';
import { startStack, type Stack, type Who } from '../support/stack.js';

let stack: Stack;
let db: Db;
let org: TestOrg;
let api: TestApi;
let tokens: Stack['tokens'];

beforeAll(async () => {
  stack = await startStack();
  ({ db, org, api, tokens } = stack);
});

afterAll(async () => {
  await stack?.close();
});

const get = (who: Who, path: string) => call(api, 'GET', path, { token: tokens[who] });
const post = (who: Who, path: string, body: Record<string, unknown>) => call(api, 'POST', path, { token: tokens[who], body: { requestId: randomUUID(), ...body } });

async function startCase(type: 'GENERIC_APPROVAL' | 'GENERIC_FUNDING' = 'GENERIC_APPROVAL', extra: Record<string, unknown> = {}) {
  const created = await call(api, 'POST', '/api/cases', { token: tokens.member, body: { type, title: `${type} ${randomUUID().slice(0, 6)}`, ...extra } });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function inboxTask(who: Who, caseId: string, query = ''): Promise<any> {
  for (let i = 0; i < 100; i += 1) {
    const task = (await get(who, `/api/inbox?limit=200${query}`)).body.items.find((t: { caseId: string }) => t.caseId === caseId);
    if (task) return task;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no task for ${who} on ${caseId}`);
}

const inInbox = async (who: Who, caseId: string) => (await get(who, '/api/inbox?limit=200')).body.items.some((t: { caseId: string }) => t.caseId === caseId);

describe('inbox and case lists', () => {
  it('filters the inbox by case type and shows countersign (会签) progress', async () => {
    const funding = await startCase('GENERIC_FUNDING');
    const plain = await startCase('GENERIC_APPROVAL');
    await post('core', `/api/tasks/${(await inboxTask('core', funding)).id}/decision?wait=true`, { action: 'APPROVE' });
    await inboxTask('core', plain);

    const eduTask = await inboxTask('edu', funding, '&caseType=GENERIC_FUNDING');
    await post('edu', `/api/tasks/${eduTask.id}/decision?wait=true`, { action: 'APPROVE' });
    const finTask = await inboxTask('fin', funding);
    const onlyFunding = await get('core', '/api/inbox?caseType=GENERIC_FUNDING&limit=200');
    const notOverdue = await get('core', '/api/inbox?overdue=false&limit=1');
    const badFilter = await get('core', '/api/inbox?overdue=maybe');

    expect(finTask.countersign).toEqual(expect.arrayContaining([{ unit: 'EDU', state: 'APPROVED' }, { unit: 'FIN', state: 'PENDING' }]));
    expect(onlyFunding.body.items.some((t: { caseId: string }) => t.caseId === plain)).toBe(false);
    expect(notOverdue.body.items).toHaveLength(1);
    expect(notOverdue.body.total).toBeGreaterThanOrEqual(1);
    expect(badFilter).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
  });

  it('lists what I decided, what I started, and what I was copied on', async () => {
    const id = await startCase('GENERIC_APPROVAL', { copyTo: { officialIds: [org.officials.taskforce.id], unitCodes: ['FIN'] } });
    await post('core', `/api/tasks/${(await inboxTask('core', id)).id}/decision?wait=true`, { action: 'APPROVE', comment: '同意' });

    const decided = await get('core', '/api/tasks/decided?limit=200');
    const started = await get('member', '/api/cases/started?limit=200');
    const copiedOfficial = await get('taskforce', '/api/cases/copied');
    const copiedUnit = await get('fin', '/api/cases/copied');

    expect(decided.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ decision: 'APPROVED', comment: '同意', case: expect.objectContaining({ id }) })]));
    expect(started.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(copiedOfficial.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(copiedUnit.body.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('searches cases within what an official may see, and shows who must act with the timeline', async () => {
    const id = await startCase();
    await inboxTask('core', id);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

    const byAdmin = await get('admin', `/api/cases?type=GENERIC_APPROVAL&status=RUNNING&schoolId=${org.member.id}&from=${today}&to=${today}&overdue=false&limit=200`);
    const byOutsider = await get('fin', `/api/cases?schoolId=${org.member.id}&limit=200`);
    const hiddenDetail = await get('fin', `/api/cases/${id}`);
    const detail = await get('admin', `/api/cases/${id}`);

    expect(byAdmin.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(byOutsider.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect(hiddenDetail.status).toBe(404);
    expect(detail.body.currentTasks).toEqual([expect.objectContaining({ stepKey: 'group-core-review', overdue: false, officials: [expect.objectContaining({ id: org.officials.core.id })] })]);
    expect(detail.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['CREATED', 'STEP_OPENED']);
  });
});

describe('delegation, claims and reassignment', () => {
  it('lets a delegate see and decide the absent official’s tasks, recorded as on their behalf, until revoked', async () => {
    const id = await startCase();
    const task = await inboxTask('core', id);
    const now = Date.now();

    const set = await call(api, 'PUT', '/api/me/delegation', { token: tokens.core, body: { delegateId: org.officials.fin.id, startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 86_400_000).toISOString() } });
    const seen = await inboxTask('fin', id);
    const decided = await post('fin', `/api/tasks/${task.id}/decision?wait=true`, { action: 'APPROVE', comment: '代为审批' });
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: id, kind: 'APPROVED' } });
    const revoked = await call(api, 'DELETE', '/api/me/delegation', { token: tokens.core });
    const later = await startCase();
    await inboxTask('core', later);

    expect(set.status).toBe(200);
    expect(seen.actingFor).toBe(org.officials.core.id);
    expect(decided.status).toBe(200);
    expect(event).toMatchObject({ actorId: org.officials.fin.id, onBehalfOfId: org.officials.core.id });
    expect(revoked.status).toBe(204);
    expect(await inInbox('fin', later)).toBe(false);
    expect(await db.auditLog.count({ where: { actorId: org.officials.core.id, action: { in: ['DELEGATION_SET', 'DELEGATION_REVOKED'] } } })).toBe(2);
  });

  it('refuses a delegation to oneself', async () => {
    const now = Date.now();
    const self = await call(api, 'PUT', '/api/me/delegation', { token: tokens.edu, body: { delegateId: org.officials.edu.id, startsAt: new Date(now).toISOString(), endsAt: new Date(now + 1000).toISOString() } });
    expect(self).toMatchObject({ status: 422, body: { error: { code: 'DELEGATE_INVALID' } } });
  });

  it('takes a claimed task out of colleagues’ inboxes until unclaimed; a unit lead reassigns it', async () => {
    const id = await startCase();
    await post('core', `/api/tasks/${(await inboxTask('core', id)).id}/decision?wait=true`, { action: 'APPROVE' });
    const task = await inboxTask('edu', id);

    const firstClaim = await post('edu', `/api/tasks/${task.id}/claim`, {});
    const unclaimed = await post('edu', `/api/tasks/${task.id}/unclaim`, {});
    const backWithColleague = await inInbox('edu2', id);
    const claimed = await post('edu', `/api/tasks/${task.id}/claim`, {});
    const hiddenFromColleague = !(await inInbox('edu2', id));
    const colleagueDecides = await post('edu2', `/api/tasks/${task.id}/decision?wait=true`, { action: 'APPROVE' });
    const notLead = await post('edu2', `/api/tasks/${task.id}/reassign`, { officialId: org.officials.edu2.id });
    const reassigned = await post('eduLead', `/api/tasks/${task.id}/reassign`, { officialId: org.officials.edu2.id });
    const decided = await post('edu2', `/api/tasks/${task.id}/decision?wait=true`, { action: 'APPROVE' });

    expect([firstClaim.status, unclaimed.status, claimed.status]).toEqual([200, 200, 200]);
    expect(backWithColleague).toBe(true);
    expect(hiddenFromColleague).toBe(true);
    expect(colleagueDecides).toMatchObject({ status: 409, body: { error: { code: 'TASK_CLAIMED' } } });
    expect(notLead).toMatchObject({ status: 403, body: { error: { code: 'NOT_UNIT_LEAD' } } });
    expect(reassigned.status).toBe(200);
    expect(decided.body.chain.status).toBe('APPROVED');
  });
});

describe('the initiator and the administrator', () => {
  it('lets only the initiator withdraw before the first decision', async () => {
    const id = await startCase();
    await inboxTask('core', id);

    const byOther = await post('core', `/api/cases/${id}/withdraw`, {});
    const withdrawn = await post('member', `/api/cases/${id}/withdraw`, { comment: '不再需要' });

    expect(byOther).toMatchObject({ status: 403, body: { error: { code: 'NOT_INITIATOR' } } });
    expect(withdrawn.body.chain.status).toBe('WITHDRAWN');
    await expect.poll(async () => (await get('member', `/api/cases/${id}`)).body.status).toBe('WITHDRAWN');
    expect(await inInbox('core', id)).toBe(false);
  });

  it('takes a case returned to the initiator back after resubmission', async () => {
    const id = await startCase();
    const task = await inboxTask('core', id);

    const noComment = await post('core', `/api/tasks/${task.id}/decision?wait=true`, { action: 'RETURN', returnTo: 'INITIATOR' });
    const returned = await post('core', `/api/tasks/${task.id}/decision?wait=true`, { action: 'RETURN', returnTo: 'INITIATOR', comment: '请补充附件' });
    const statusWhileReturned = (await get('member', `/api/cases/${id}`)).body.status;
    const resubmitted = await post('member', `/api/cases/${id}/resubmit`, { comment: '已补充' });

    expect(noComment).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(returned.body.chain.status).toBe('RETURNED');
    expect(statusWhileReturned).toBe('RETURNED');
    expect(resubmitted.body.chain).toMatchObject({ status: 'RUNNING', currentStep: { index: 0, round: 2 } });
    expect((await inboxTask('core', id)).round).toBe(2);
  });

  it('lets an administrator inspect any case but not decide a step routed elsewhere', async () => {
    const id = await startCase();
    const task = await inboxTask('core', id);

    const detail = await get('admin', `/api/cases/${id}`);
    const decision = await post('admin', `/api/tasks/${task.id}/decision?wait=true`, { action: 'APPROVE' });

    expect(detail.status).toBe(200);
    expect(decision).toMatchObject({ status: 403, body: { error: { code: 'NOT_ASSIGNED' } } });
  });
});

describe('API contract', () => {
  it('publishes an OpenAPI 3.1 document from the request schemas and a browsable page', async () => {
    const doc = await call(api, 'GET', '/openapi.json');
    const page = await fetch(`${api.url}/docs`);
    const asset = await fetch(`${api.url}/docs/assets/swagger-ui-bundle.js`);
    // The page starts Swagger UI from a script file of its own, as the CSP allows no inline script.
    const init = await fetch(`${api.url}/docs/init.js`);

    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/api/tasks/{id}/decision'].post.requestBody.content['application/json'].schema.properties.action.enum).toEqual(['APPROVE', 'REJECT', 'RETURN']);
    expect(doc.body.paths['/api/inbox'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['caseType', 'groupId', 'schoolId', 'overdue', 'limit', 'offset']));
    expect(await page.text()).toContain('/docs/init.js');
    expect(await init.text()).toContain('/openapi.json');
    expect(asset.status).toBe(200);
  });
});
