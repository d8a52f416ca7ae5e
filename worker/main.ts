/** Production worker process: TEMPORAL_ADDRESS and DATABASE_URL point at real servers. */
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { loadEnvOrExit } from '../config/env.js';
import { policyConfig } from '../policy/config.js';
import { seedCalendar } from '../prisma/calendar.js';
import { seedPolicy } from '../prisma/policy.js';
import { createDb } from '../prisma/client.js';
import { createMailer } from './mailer.js';
import { registerSearchAttributes } from './search-attributes.js';
import { startWorkerHealth } from './health.js';
import { createCaseWorker } from './worker.js';

const env = loadEnvOrExit('TEMPORAL_ADDRESS', 'DATABASE_URL');
const operator = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
await registerSearchAttributes(operator, env.TEMPORAL_NAMESPACE);
await operator.close();
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const db = createDb(env.DATABASE_URL);
// Years of the maintained dataset the database lacks; a year the bureau entered is never overwritten.
await seedCalendar(db);
await seedPolicy(db);
const worker = await createCaseWorker({
  connection,
  namespace: env.TEMPORAL_NAMESPACE,
  db,
  config: policyConfig,
  mailer: createMailer(env.SMTP_URL),
  mailFrom: env.MAIL_FROM,
  publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
  ...(env.WORKER_BUILD_ID ? { deployment: { name: env.WORKER_DEPLOYMENT_NAME, buildId: env.WORKER_BUILD_ID } } : {}),
});
const health = env.WORKER_HEALTH_PORT ? await startWorkerHealth({ port: env.WORKER_HEALTH_PORT, worker, db }) : undefined;
// The SDK installs SIGINT/SIGTERM handlers that start a graceful shutdown; run() resolves after it.
await worker.run();
await health?.close();
await db.$disconnect();
await connection.close();
