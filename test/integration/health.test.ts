/**
 * Issue 12 point 6, health that sees everything: the API's /readyz needs the database, Temporal, a
 * worker polling the case task queue and a mail outbox whose oldest pending message is young
 * enough; the worker answers /livez and /readyz of its own.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { NativeConnection } from '@temporalio/worker';
import { policyConfig } from '../../policy/config.js';
import { startWorkerHealth } from '../../worker/health.js';
import { createCaseWorker } from '../../worker/worker.js';
import { call, startTestApi } from '../support/api.js';
import { startStack, type Stack } from '../support/stack.js';

let s: Stack;

beforeAll(async () => {
  s = await startStack();
});

afterAll(async () => {
  await s?.close();
});

describe('readiness', () => {
  it('is ready with the database, Temporal, a polling worker and fresh mail', async () => {
    // Mail other test files leave pending in the shared database must not count here: a day's threshold.
    const patient = await startTestApi({ db: s.db, temporal: s.temporal, taskQueue: s.taskQueue, mailMaxPendingAgeMs: 86_400_000 });
    try {
      const ready = await call(patient, 'GET', '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ status: 'ok', database: { ok: true }, temporal: { ok: true }, workers: { ok: true, taskQueue: s.taskQueue }, mail: { ok: true } });
      expect(ready.body.workers.pollers).toBeGreaterThan(0);
    } finally {
      await patient.close();
    }
  });

  it('is not ready while no worker polls the case task queue', async () => {
    const idle = await startTestApi({ db: s.db, temporal: s.temporal, taskQueue: `idle-${randomUUID()}` });
    try {
      const ready = await call(idle, 'GET', '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'unavailable', database: { ok: true }, temporal: { ok: true }, workers: { ok: false, pollers: 0 } });
    } finally {
      await idle.close();
    }
  });

  it('is not ready while a message has waited in the outbox longer than the threshold', async () => {
    // Ten minutes old: under the default threshold other tests' APIs use, over this API's five.
    const stuck = await s.db.notification.create({ data: { dedupeKey: `stuck:${randomUUID()}`, relayQueue: 'none', kind: 'NEW_TASK', toAddress: 'nobody@test.local', subject: 'stuck', bodyText: 'stuck', bodyHtml: 'stuck', createdAt: new Date(Date.now() - 10 * 60_000) } });
    const strict = await startTestApi({ db: s.db, temporal: s.temporal, taskQueue: s.taskQueue, mailMaxPendingAgeMs: 5 * 60_000 });
    try {
      const ready = await call(strict, 'GET', '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.mail).toMatchObject({ ok: false, maxPendingAgeS: 300 });
      expect(ready.body.mail.oldestPendingAgeS).toBeGreaterThanOrEqual(600);
    } finally {
      await s.db.notification.delete({ where: { id: stuck.id } });
      await strict.close();
    }
  });

  it("the worker's own endpoint: live while the process runs, ready only while the worker runs", async () => {
    const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    const worker = await createCaseWorker({ connection, namespace: 'default', taskQueue: `health-${randomUUID()}`, db: s.db, config: policyConfig });
    const run = worker.run();
    const health = await startWorkerHealth({ port: 0, host: '127.0.0.1', worker, db: s.db });
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${health.port}${path}`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    try {
      expect(await get('/livez')).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ok', worker: 'RUNNING', database: { ok: true } } });
      worker.shutdown();
      await run;
      expect(await get('/readyz')).toMatchObject({ status: 503, body: { status: 'unavailable', database: { ok: true } } });
      expect((await get('/livez')).status).toBe(200);
    } finally {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await run;
      await health.close();
      await connection.close();
    }
  });
});
