/**
 * The first case end to end against the real Temporal dev server and the real database:
 * HTTP → Temporal update → activities → inbox and audit tables, and Temporal's own view agrees.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@temporalio/client';
import type { Db } from '../../prisma/client.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import { startStack, type Stack } from '../support/stack.js';
import { chainWorkflowId } from '../../workflows/approval-chain/messages.js';
import { approvalChainWorkflow } from '../../workflows/approval-chain/workflow.js';
import { chainSteps, type TestOrg } from '../support/org.js';

let stack: Stack;
let db: Db;
let org: TestOrg;
let api: TestApi;
let temporal: Client;
let tokens: Stack['tokens'];

beforeAll(async () => {
  stack = await startStack();
  ({ db, org, api, temporal, tokens } = stack);
});

afterAll(async () => {
  await stack?.close();
});

async function startCase(title = '申请集团教研经费') {
  const created = await call(api, 'POST', '/api/cases', { token: tokens.member, body: { type: 'GENERIC_APPROVAL', title } });
  expect(created.status).toBe(201);
  return created.body as { id: string; workflowId: string };
}

async function inboxTask(who: keyof typeof tokens, caseId: string): Promise<string> {
  // The first step is opened by an activity just after the workflow starts.
  for (let i = 0; i < 100; i += 1) {
    const inbox = await call(api, 'GET', '/api/inbox', { token: tokens[who] });
    const task = inbox.body.items.find((t: { caseId: string }) => t.caseId === caseId);
    if (task) return task.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no task for ${who} on case ${caseId}`);
}

const decide = (who: keyof typeof tokens, taskId: string, body: Record<string, unknown>, lang?: string) =>
  call(api, 'POST', `/api/tasks/${taskId}/decision?wait=true`, { token: tokens[who], body: { requestId: randomUUID(), ...body }, lang });

describe('two-step approval through the API', () => {
  it('moves from the core school to EDU and ends approved in the database and in Temporal', async () => {
    // Arrange
    const { id, workflowId } = await startCase();
    const coreTask = await inboxTask('core', id);

    // Act
    const first = await decide('core', coreTask, { action: 'APPROVE', comment: '同意' });
    const eduTask = await inboxTask('edu', id);
    const second = await decide('edu', eduTask, { action: 'APPROVE' });

    // Assert
    expect(first.status).toBe(200);
    expect(first.body.chain.currentStep).toMatchObject({ index: 1, key: 'edu-approval', tasks: [{ status: 'PENDING' }] });
    expect((await call(api, 'GET', '/api/inbox', { token: tokens.core })).body.items.some((t: { caseId: string }) => t.caseId === id)).toBe(false);
    expect(second.body.chain.status).toBe('APPROVED');
    await expect.poll(async () => (await call(api, 'GET', `/api/cases/${id}`, { token: tokens.member })).body.status).toBe('APPROVED');
    const detail = await call(api, 'GET', `/api/cases/${id}`, { token: tokens.member });
    expect(detail.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['CREATED', 'STEP_OPENED', 'APPROVED', 'STEP_OPENED', 'APPROVED', 'CLOSED']);
    // The database is closed first; the workflow completes once it has handed off the outcome e-mail.
    await expect.poll(async () => (await temporal.workflow.getHandle(workflowId).describe()).status.name).toBe('COMPLETED');
    const described = await temporal.workflow.getHandle(workflowId).describe();
    expect(described.searchAttributes).toMatchObject({ CaseType: ['GENERIC_APPROVAL'], CaseStatus: ['APPROVED'], GroupCode: [org.group.code], SchoolCode: [org.member.code] });
  });

  it('finds cases by their search attributes in Temporal visibility', async () => {
    const { workflowId } = await startCase('可见性检查');
    let found: string[] = [];
    // Visibility is eventually consistent.
    for (let i = 0; i < 50 && !found.includes(workflowId); i += 1) {
      found = [];
      for await (const wf of temporal.workflow.list({ query: `CaseType="GENERIC_APPROVAL" AND SchoolCode="${org.member.code}"` })) found.push(wf.workflowId);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toContain(workflowId);
  });

  it('applies a repeated decision (same request id) once and answers the same, even after the case closed', async () => {
    const { id } = await startCase();
    const coreTask = await inboxTask('core', id);
    const requestId = randomUUID();

    const once = await decide('core', coreTask, { requestId, action: 'APPROVE' });
    const twice = await decide('core', coreTask, { requestId, action: 'APPROVE' });
    const lastRequest = randomUUID();
    await decide('edu', await inboxTask('edu', id), { requestId: lastRequest, action: 'APPROVE' });
    await expect.poll(async () => (await db.case.findUniqueOrThrow({ where: { id } })).status).toBe('APPROVED');
    const afterClose = await decide('edu', (await db.approvalTask.findFirstOrThrow({ where: { caseId: id, stepIndex: 1 } })).id, { requestId: lastRequest, action: 'APPROVE' });

    expect(twice.status).toBe(200);
    expect(twice.body).toEqual(once.body);
    expect(afterClose).toMatchObject({ status: 200, body: { case: { id, status: 'APPROVED' } } });
    expect(await db.caseEvent.count({ where: { caseId: id, kind: 'APPROVED' } })).toBe(2);
  });

  it('answers 401 without a session and 403 for a task of another unit, in the asked language', async () => {
    const { id } = await startCase();
    const coreTask = await inboxTask('core', id);

    const anonymous = await call(api, 'GET', '/api/inbox');
    const crossUnit = await decide('fin', coreTask, { action: 'APPROVE' }, 'en');
    const crossUnitZh = await decide('edu', coreTask, { action: 'APPROVE' });
    const badLogin = await call(api, 'POST', '/api/auth/login', { body: { login: org.officials.edu.login, password: 'wrong' } });

    expect(anonymous).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(crossUnit).toMatchObject({ status: 403, body: { error: { code: 'NOT_ASSIGNED', message: 'This step is not routed to you or your unit.' } } });
    expect(crossUnitZh).toMatchObject({ status: 403, body: { error: { code: 'NOT_ASSIGNED', message: '此审批环节未分派给您或您的单位。' } } });
    expect(badLogin).toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } } });
    expect(await db.caseEvent.count({ where: { caseId: id, kind: { in: ['APPROVED', 'REJECTED'] } } })).toBe(0);
  });

  it('rejects invalid input with 400 and a machine-readable code, writing nothing', async () => {
    const casesBefore = await db.case.count({ where: { initiatorId: org.officials.member.id } });

    const noTitle = await call(api, 'POST', '/api/cases', { token: tokens.member, body: { type: 'GENERIC_APPROVAL', title: '' } });
    const badType = await call(api, 'POST', '/api/cases', { token: tokens.member, body: { type: 'NOPE', title: 'x' } });
    const { id } = await startCase();
    const coreTask = await inboxTask('core', id);
    const rejectWithoutComment = await decide('core', coreTask, { action: 'REJECT' });

    expect(noTitle).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(badType.status).toBe(400);
    expect(rejectWithoutComment).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(await db.case.count({ where: { initiatorId: org.officials.member.id } })).toBe(casesBefore + 1);
  });

  it('answers 503 within a bounded wait when no worker serves the case, and records nothing', async () => {
    // Arrange: a case whose workflow runs on a task queue no worker polls.
    const idleQueue = `idle-${randomUUID()}`;
    const idleApi = await startTestApi({ db, temporal, taskQueue: idleQueue, decisionTimeoutMs: 1500 });
    try {
      const created = await call(idleApi, 'POST', '/api/cases', { token: tokens.member, body: { type: 'GENERIC_APPROVAL', title: '无工作进程' } });
      const chainId = chainWorkflowId(created.body.workflowId);
      await temporal.workflow.start(approvalChainWorkflow, { taskQueue: idleQueue, workflowId: chainId, args: [{ caseId: created.body.id, initiatorId: org.officials.member.id, steps: chainSteps(org) }] });
      const task = await db.approvalTask.create({
        data: { taskKey: `${chainId}:0:1:${org.core.id}`, chainWorkflowId: chainId, caseId: created.body.id, stepIndex: 0, stepKey: 'group-core-review', schoolId: org.core.id, openedAt: new Date(), dueAt: new Date(Date.now() + 86_400_000) },
      });

      // Act
      const started = Date.now();
      const answer = await call(idleApi, 'POST', `/api/tasks/${task.id}/decision`, { token: tokens.core, body: { requestId: randomUUID(), action: 'APPROVE' } });

      // Assert
      expect(answer).toMatchObject({ status: 503, body: { error: { code: 'WORKER_UNAVAILABLE' } } });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await db.caseEvent.count({ where: { caseId: created.body.id, kind: 'APPROVED' } })).toBe(0);
      await temporal.workflow.getHandle(created.body.workflowId).terminate('test done');
      await temporal.workflow.getHandle(chainId).terminate('test done');
    } finally {
      await idleApi.close();
    }
  });

  it('reports Temporal and the database as reachable', async () => {
    // Readiness as a whole also weighs the outbox, which other test files share (test/integration/health.test.ts).
    const health = await call(api, 'GET', '/healthz');
    expect(health.body).toMatchObject({ database: { ok: true }, temporal: { ok: true }, workers: { ok: true } });
  });
});
