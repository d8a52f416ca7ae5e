/**
 * The outbox under faults, with the real relay workflow and activities, the database and a real
 * SMTP server: per-message back-off under a refusing mail relay and a backlog, the Message-ID a
 * message keeps when it is sent again after an unknown outcome, deliveries that claim the outbox
 * at the same time, and a worker killed in the middle of sending.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../../activities/index.js';
import { notificationMessageId, OUTBOX_FIRST_BACKOFF_MS, type OutboxDelivery } from '../../activities/notifications.js';
import { policyConfig } from '../../policy/config.js';
import { createDb, type Db } from '../../prisma/client.js';
import { createMailer } from '../../worker/mailer.js';
import { createCaseWorker } from '../../worker/worker.js';
import { mailQueuedSignal, outboxRelayWorkflowId } from '../../workflows/notifications/messages.js';
import { outboxRelayWorkflow } from '../../workflows/notifications/relay.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { recordHistory } from '../support/histories.js';
import { recipients, startTestSmtp } from '../support/smtp.js';

let t: ChainEnv;
beforeAll(async () => {
  t = await startChainEnv();
});
afterAll(async () => {
  await t?.close();
});

/** Stores messages for a relay's task queue, as a case's local activity does. */
async function storeMessages(relayQueue: string, addresses: string[]): Promise<string[]> {
  const rows = addresses.map((toAddress) => ({ id: randomUUID(), dedupeKey: `test:${randomUUID()}`, kind: 'NEW_TASK', toAddress, subject: `测试 ${toAddress}`, bodyText: 'text', bodyHtml: '<p>html</p>', relayQueue }));
  await t.db.notification.createMany({ data: rows });
  return rows.map((r) => r.id);
}

function wakeRelay() {
  return t.env.client.workflow.signalWithStart(outboxRelayWorkflow, { workflowId: outboxRelayWorkflowId(t.taskQueue), taskQueue: t.taskQueue, signal: mailQueuedSignal });
}

/** A delivery as one worker runs it: its own activities, database connections and activity context, on the given task queue. */
function deliveryWorker(relayQueue: string, deps: Partial<ActivityDeps> = {}): () => Promise<OutboxDelivery> {
  const activities = createActivities({ db: t.db, config: policyConfig, mailer: createMailer(t.smtp.url), ...deps });
  return () => new MockActivityEnvironment({ taskQueue: relayQueue }).run(activities.deliverDueNotifications, { limit: 10 });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('outbox relay under faults', () => {
  it('retries each refused message after its own back-off (5 s, then 10 s) under a backlog, while new mail goes out at once', async () => {
    // Arrange: more refused messages than the relay's deliveries take at once, and some it takes.
    const tag = randomUUID().slice(0, 8);
    const refused = Array.from({ length: 45 }, (_, i) => `refused-${i}-${tag}@example.test`);
    const accepted = Array.from({ length: 15 }, (_, i) => `ok-${i}-${tag}@example.test`);
    for (const address of refused) t.smtp.refused.add(address);
    const WINDOW_MS = 22_000;
    try {
      await storeMessages(t.taskQueue, [...refused, ...accepted]);
      const startedAt = Date.now();

      // Act: wake the relay; halfway through the window, queue fresh mail.
      await wakeRelay();
      await sleep(8_000);
      const fresh = Array.from({ length: 5 }, (_, i) => `fresh-${i}-${tag}@example.test`);
      await storeMessages(t.taskQueue, fresh);
      const freshQueuedAt = Date.now();
      await wakeRelay();
      for (const address of fresh) await t.smtp.waitFor((m) => recipients(m).includes(address), 5_000);
      const freshDeliveredInMs = Date.now() - freshQueuedAt;
      await sleep(startedAt + WINDOW_MS - Date.now());

      // Assert: in 22 s a message refused at 0 s is tried at about 0, 5 and 15 s, never sooner.
      const attempts = new Map(refused.map((address) => [address, t.smtp.recipientAttempts.filter((a) => a.address === address && a.at <= startedAt + WINDOW_MS).map((a) => a.at)]));
      for (const [address, times] of attempts) {
        expect(times.length, address).toBeGreaterThanOrEqual(2);
        expect(times.length, address).toBeLessThanOrEqual(3);
        const gaps = times.slice(1).map((at, i) => at - times[i]!);
        expect(gaps[0], address).toBeGreaterThanOrEqual(OUTBOX_FIRST_BACKOFF_MS - 100);
        if (gaps[1] !== undefined) expect(gaps[1], address).toBeGreaterThanOrEqual(2 * OUTBOX_FIRST_BACKOFF_MS - 100);
      }
      for (const address of accepted) expect(t.smtp.received.filter((m) => recipients(m).includes(address)), address).toHaveLength(1);
      expect(freshDeliveredInMs).toBeLessThan(3_000);
      await recordHistory(t.env.client.workflow.getHandle(outboxRelayWorkflowId(t.taskQueue)), 'outbox-relay', { open: true });
    } finally {
      for (const address of refused) t.smtp.refused.delete(address);
      await t.db.notification.deleteMany({ where: { relayQueue: t.taskQueue, toAddress: { in: refused } } });
    }
  }, 60_000);

  it('sends a message again with the same Message-ID when its SENT mark was lost, and not while its first delivery holds it', async () => {
    // Arrange: a worker whose database fails the SENT mark, as when PostgreSQL goes away right after the send.
    const relayQueue = `mark-lost-${randomUUID()}`;
    const address = `mark-lost-${randomUUID().slice(0, 8)}@example.test`;
    const [id] = await storeMessages(relayQueue, [address]);
    const markLost = new Proxy(t.db, {
      get(target, prop) {
        if (prop === 'notification') {
          return new Proxy(target.notification, { get: (delegate, name) => (name === 'updateMany' ? () => Promise.reject(new Error('Connection terminated unexpectedly')) : Reflect.get(delegate, name)) });
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Db;

    // Act
    const firstAttempt = deliveryWorker(relayQueue, { db: markLost })();
    await expect(firstAttempt).rejects.toThrow('Connection terminated unexpectedly');
    const afterFirst = await t.db.notification.findUniqueOrThrow({ where: { id } });
    const whileLeased = await deliveryWorker(relayQueue)();
    // The lease (15 s) runs out, as it would once that long passed without the first delivery finishing.
    await t.db.$executeRaw`UPDATE "Notification" SET "leaseUntil" = now() - interval '1 second' WHERE id = ${id}`;
    const retry = await deliveryWorker(relayQueue)();

    // Assert
    expect(afterFirst).toMatchObject({ state: 'PENDING', attempts: 1, attemptedAt: expect.any(Date), leaseUntil: expect.any(Date) });
    expect(whileLeased.claimed).toBe(0);
    expect(retry).toMatchObject({ claimed: 1, sent: 1 });
    const mails = t.smtp.received.filter((m) => recipients(m).includes(address));
    expect(mails.map((m) => m.messageId)).toEqual([notificationMessageId(id!), notificationMessageId(id!)]);
    expect(await t.db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'SENT', attempts: 2, leaseUntil: null });
  });

  it('never gives one message to two deliveries that claim the outbox at the same time', async () => {
    // Arrange: four workers, each with its own database connections, and a backlog of 60 messages.
    const relayQueue = `claimers-${randomUUID()}`;
    const tag = randomUUID().slice(0, 8);
    const ids = await storeMessages(relayQueue, Array.from({ length: 60 }, (_, i) => `claim-${i}-${tag}@example.test`));
    const dbs = Array.from({ length: 4 }, () => createDb(inject('databaseUrl'), 4));
    try {
      // Act: each worker delivers batch after batch until it claims nothing more.
      const claimedPerWorker = await Promise.all(
        dbs.map(async (db) => {
          const deliver = deliveryWorker(relayQueue, { db });
          let claimed = 0;
          for (let batch = await deliver(); batch.claimed > 0; batch = await deliver()) claimed += batch.claimed;
          return claimed;
        }),
      );

      // Assert: every message sent exactly once, after one attempt, whichever worker took it.
      expect(claimedPerWorker.reduce((a, b) => a + b, 0)).toBe(60);
      const messageIds = t.smtp.received.filter((m) => recipients(m).some((r) => r.startsWith('claim-') && r.includes(tag))).map((m) => m.messageId);
      expect(messageIds.sort()).toEqual(ids.map(notificationMessageId).sort());
      const rows = await t.db.notification.findMany({ where: { relayQueue } });
      expect(rows.every((r) => r.state === 'SENT' && r.attempts === 1)).toBe(true);
    } finally {
      await Promise.all(dbs.map((db) => db.$disconnect()));
    }
  });

  it('delivers within seconds, from another worker and with the same Message-ID, the mail a killed worker was sending', async () => {
    // Arrange: worker A, a process of its own on the dev server (one process, tsx as a loader, so SIGKILL kills the worker itself), is in the middle of sending through a relay that hangs.
    const relayQueue = `crash-${randomUUID()}`;
    const address = `crash-${randomUUID().slice(0, 8)}@example.test`;
    const [id] = await storeMessages(relayQueue, [address]);
    const hanging = await startTestSmtp();
    hanging.stalled = true;
    const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
    const workerA = spawn(process.execPath, ['--import', 'tsx', 'test/support/outbox-worker-process.ts', inject('temporalAddress'), relayQueue, inject('databaseUrl'), String(inject('databasePoolSize')), hanging.url], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'ignore'] });
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    const client = new Client({ connection });
    const nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
    let workerB: Awaited<ReturnType<typeof createCaseWorker>> | undefined;
    let workerBRun: Promise<void> | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        workerA.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        workerA.on('exit', (code) => reject(new Error(`worker A exited with ${code}`)));
      });
      await client.workflow.signalWithStart(outboxRelayWorkflow, { workflowId: outboxRelayWorkflowId(relayQueue), taskQueue: relayQueue, signal: mailQueuedSignal });
      await expect.poll(() => hanging.recipientAttempts.some((a) => a.address === address), { timeout: 30_000 }).toBe(true);
      workerB = await createCaseWorker({ connection: nativeConnection, namespace: 'default', taskQueue: relayQueue, db: t.db, config: policyConfig, mailer: createMailer(t.smtp.url) });
      workerBRun = workerB.run();

      // Act
      workerA.kill('SIGKILL');
      const killedAt = Date.now();
      const mail = await t.smtp.waitFor((m) => recipients(m).includes(address), 60_000);
      const delayMs = Date.now() - killedAt;

      // Assert: the heartbeat timeout (10 s) and the lease (15 s) bound the delay, not a start-to-close timeout of minutes.
      expect(delayMs).toBeLessThan(30_000);
      expect(mail.messageId).toBe(notificationMessageId(id!));
      await expect.poll(async () => (await t.db.notification.findUniqueOrThrow({ where: { id } })).state).toBe('SENT');
      expect(await t.db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ attempts: 2 });
      expect(t.smtp.received.filter((m) => recipients(m).includes(address))).toHaveLength(1);
    } finally {
      workerA.kill('SIGKILL');
      await client.workflow.getHandle(outboxRelayWorkflowId(relayQueue)).terminate('test done').catch(() => undefined);
      workerB?.shutdown();
      await workerBRun;
      await nativeConnection.close();
      await connection.close();
      await hanging.close();
    }
  }, 120_000);
});
