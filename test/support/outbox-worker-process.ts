/**
 * A case worker in a process of its own, for tests that kill a worker (SIGKILL) in the middle of
 * its work: `tsx test/support/outbox-worker-process.ts <temporal address> <task queue> <database url> <pool size> <smtp url>`.
 * It writes "ready" to stdout once it polls.
 */
import { NativeConnection } from '@temporalio/worker';
import { policyConfig } from '../../policy/config.js';
import { createDb } from '../../prisma/client.js';
import { createMailer } from '../../worker/mailer.js';
import { createCaseWorker } from '../../worker/worker.js';

const [address, taskQueue, databaseUrl, poolSize, smtpUrl] = process.argv.slice(2);
if (!address || !taskQueue || !databaseUrl || !poolSize || !smtpUrl) throw new Error('usage: outbox-worker-process.ts <temporal address> <task queue> <database url> <pool size> <smtp url>');
const worker = await createCaseWorker({ connection: await NativeConnection.connect({ address }), namespace: 'default', taskQueue, db: createDb(databaseUrl, Number(poolSize)), config: policyConfig, mailer: createMailer(smtpUrl) });
process.stdout.write('ready\n');
await worker.run();
