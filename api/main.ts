/** Production API process: TEMPORAL_ADDRESS and DATABASE_URL point at real servers. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { importLimitsOf, loadEnvOrExit, loginLimitsOf, temporalUiOf } from '../config/env.js';
import { policyConfig } from '../policy/config.js';
import { seedCalendar } from '../prisma/calendar.js';
import { seedPolicy } from '../prisma/policy.js';
import { createDb } from '../prisma/client.js';
import { createApp } from './app.js';

const env = loadEnvOrExit('TEMPORAL_ADDRESS', 'DATABASE_URL');
const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
const db = createDb(env.DATABASE_URL);
// Years of the maintained dataset the database lacks; a year the bureau entered is never overwritten.
await seedCalendar(db);
await seedPolicy(db);
// `npm run build` puts the console in web/dist; an API deployed without it serves only the API.
const consoleDir = path.resolve('web/dist');
if (!existsSync(consoleDir)) console.warn(`No web console at ${consoleDir} (npm run build makes it); serving the API only.`);
const app = createApp({
  db,
  temporal: new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }),
  config: policyConfig,
  sessionTtlHours: env.SESSION_TTL_HOURS,
  decisionTimeoutMs: env.DECISION_TIMEOUT_MS,
  mailMaxPendingAgeMs: env.MAIL_MAX_PENDING_AGE_S * 1000,
  consoleDir: existsSync(consoleDir) ? consoleDir : undefined,
  temporalUi: temporalUiOf(env),
  importLimits: importLimitsOf(env),
  loginLimits: loginLimitsOf(env),
  trustProxy: env.TRUST_PROXY,
});
const server = app.listen(env.PORT, () => console.log(`API listening on :${env.PORT}`));

async function shutdown(): Promise<void> {
  // Stop accepting requests, let in-flight ones finish, then release connections.
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.$disconnect();
  await connection.close();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    shutdown().catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  });
}
