/**
 * Issue 12 point 3, answers that are true: "nothing was applied" only when nothing was sent; an
 * update sent to a queue whose worker has gone answers "outcome unknown", and the same requestId
 * repeated once a worker is back gets the definite outcome, applied once; a requestId names one
 * decision; database and Temporal outages are named as such within the timeout; after the last
 * approval with wait=true the answer shows the case closed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { policyConfig } from '../../policy/config.js';
import { createDb } from '../../prisma/client.js';
import { createCaseWorker } from '../../worker/worker.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import { startStack, type Stack } from '../support/stack.js';

let s: Stack;

beforeAll(async () => {
  s = await startStack();
});

afterAll(async () => {
  await s?.close();
});

async function inboxTask(api: TestApi, token: string, caseId: string): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const inbox = await call(api, 'GET', '/api/inbox', { token });
    const task = inbox.body.items?.find((t: { caseId: string }) => t.caseId === caseId);
    if (task) return task.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no task on case ${caseId}`);
}

describe('answers that are true', () => {
  it('after the last approval with wait=true, the answer shows the case closed', async () => {
    // Arrange
    const created = await call(s.api, 'POST', '/api/cases', { token: s.tokens.member, body: { type: 'GENERIC_APPROVAL', title: '结案即答' } });
    await call(s.api, 'POST', `/api/tasks/${await inboxTask(s.api, s.tokens.core, created.body.id)}/decision?wait=true`, { token: s.tokens.core, body: { requestId: randomUUID(), action: 'APPROVE' } });

    // Act
    const last = await call(s.api, 'POST', `/api/tasks/${await inboxTask(s.api, s.tokens.edu, created.body.id)}/decision?wait=true`, { token: s.tokens.edu, body: { requestId: randomUUID(), action: 'APPROVE' } });

    // Assert
    expect(last.status).toBe(200);
    expect(last.body.chain.status).toBe('APPROVED');
    expect(last.body.case.status).toBe('APPROVED');
  });

  it('a requestId names one decision: the same request repeated answers the same, another request with it is refused', async () => {
    // Arrange
    const created = await call(s.api, 'POST', '/api/cases', { token: s.tokens.member, body: { type: 'GENERIC_APPROVAL', title: '请求编号' } });
    const taskId = await inboxTask(s.api, s.tokens.core, created.body.id);
    const requestId = randomUUID();

    // Act
    const first = await call(s.api, 'POST', `/api/tasks/${taskId}/decision?wait=true`, { token: s.tokens.core, body: { requestId, action: 'APPROVE', comment: '同意' } });
    const repeat = await call(s.api, 'POST', `/api/tasks/${taskId}/decision?wait=true`, { token: s.tokens.core, body: { requestId, action: 'APPROVE', comment: '同意' } });
    const otherAction = await call(s.api, 'POST', `/api/tasks/${taskId}/decision?wait=true`, { token: s.tokens.core, body: { requestId, action: 'REJECT', comment: '不同意' } });

    // Assert
    expect(first.status).toBe(200);
    expect(repeat.status).toBe(200);
    expect(repeat.body.chain.decisions).toBe(first.body.chain.decisions);
    expect(otherAction).toMatchObject({ status: 409, body: { error: { code: 'REQUEST_ID_REUSED' } } });
    expect(await s.db.caseEvent.count({ where: { caseId: created.body.id, kind: { in: ['APPROVED', 'REJECTED'] } } })).toBe(1);
  });

  it('answers a decision the workflow refuses with the refusal, not 202 accepted', async () => {
    // Arrange: the core school's step is decided once.
    const created = await call(s.api, 'POST', '/api/cases', { token: s.tokens.member, body: { type: 'GENERIC_APPROVAL', title: '拒绝即答' } });
    const taskId = await inboxTask(s.api, s.tokens.core, created.body.id);
    await call(s.api, 'POST', `/api/tasks/${taskId}/decision?wait=true`, { token: s.tokens.core, body: { requestId: randomUUID(), action: 'APPROVE' } });

    // Act: another decision on the same task, answered at acceptance (no wait).
    const again = await call(s.api, 'POST', `/api/tasks/${taskId}/decision`, { token: s.tokens.core, body: { requestId: randomUUID(), action: 'APPROVE' } });

    // Assert
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'STEP_NOT_OPEN' } } });
    expect(await s.db.caseEvent.count({ where: { caseId: created.body.id, kind: 'APPROVED' } })).toBe(1);
  });

  it('a decision sent while the queue has lost its worker answers "outcome unknown"; repeated once a worker is back, it is applied once', { timeout: 120_000 }, async () => {
    // Arrange: a worker of its own serves a queue, opens the first step, then stops (as if killed).
    const taskQueue = `gone-${randomUUID()}`;
    const nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
    const db = createDb(inject('databaseUrl'), 2);
    const api = await startTestApi({ db, temporal: s.temporal, taskQueue, decisionTimeoutMs: 2_000 });
    const worker = await createCaseWorker({ connection: nativeConnection, namespace: 'default', taskQueue, db, config: policyConfig });
    let run = worker.run();
    try {
      const created = await call(api, 'POST', '/api/cases', { token: s.tokens.member, body: { type: 'GENERIC_APPROVAL', title: '工作进程中断' } });
      const taskId = await inboxTask(api, s.tokens.core, created.body.id);
      worker.shutdown();
      await run;
      const requestId = randomUUID();

      // Act
      const unknown = await call(api, 'POST', `/api/tasks/${taskId}/decision?wait=true`, { token: s.tokens.core, body: { requestId, action: 'APPROVE', comment: '同意' } });
      const back = await createCaseWorker({ connection: nativeConnection, namespace: 'default', taskQueue, db, config: policyConfig });
      run = back.run();
      let definite = await call(api, 'POST', `/api/tasks/${taskId}/decision?wait=true`, { token: s.tokens.core, body: { requestId, action: 'APPROVE', comment: '同意' } });
      for (let i = 0; i < 20 && definite.status === 503; i += 1) {
        definite = await call(api, 'POST', `/api/tasks/${taskId}/decision?wait=true`, { token: s.tokens.core, body: { requestId, action: 'APPROVE', comment: '同意' } });
      }
      back.shutdown();

      // Assert
      expect(unknown).toMatchObject({ status: 503, body: { error: { code: 'OUTCOME_UNKNOWN' } } });
      expect(definite.status).toBe(200);
      expect(definite.body.chain.currentStep.index).toBe(1);
      expect(await s.db.caseEvent.count({ where: { caseId: created.body.id, kind: 'APPROVED' } })).toBe(1);
      await s.temporal.workflow.getHandle(created.body.workflowId).terminate('test done');
    } finally {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await run;
      await api.close();
      await nativeConnection.close();
      await db.$disconnect();
    }
  });

  it('names a database outage (503 DATABASE_UNAVAILABLE) and a Temporal outage (503 TEMPORAL_UNAVAILABLE) within the timeout, case starts included', async () => {
    // Arrange: one API whose database does not answer, one whose Temporal does not.
    const deadDb = createDb('postgresql://postgres@127.0.0.1:1/none', 1);
    const noDatabase = await startTestApi({ db: deadDb, temporal: s.temporal, taskQueue: s.taskQueue });
    const deadTemporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const noTemporal = await startTestApi({ db: s.db, temporal: deadTemporal, taskQueue: s.taskQueue, decisionTimeoutMs: 2_000 });
    try {
      // Act
      const login = await call(noDatabase, 'POST', '/api/auth/login', { body: { login: s.org.officials.member.login, password: 'x' } });
      const inbox = await call(noDatabase, 'GET', '/api/inbox', { token: s.tokens.member });
      const started = Date.now();
      const start = await call(noTemporal, 'POST', '/api/cases', { token: s.tokens.member, body: { type: 'GENERIC_APPROVAL', title: '引擎不可用' } });
      const took = Date.now() - started;

      // Assert
      expect(login).toMatchObject({ status: 503, body: { error: { code: 'DATABASE_UNAVAILABLE' } } });
      expect(inbox).toMatchObject({ status: 503, body: { error: { code: 'DATABASE_UNAVAILABLE' } } });
      expect(start).toMatchObject({ status: 503, body: { error: { code: 'TEMPORAL_UNAVAILABLE' } } });
      expect(took).toBeLessThan(10_000);
    } finally {
      await noDatabase.close();
      await noTemporal.close();
      await deadDb.$disconnect();
    }
  });
});
