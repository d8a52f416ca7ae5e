/**
 * `npm start`: the whole product on one machine with nothing installed — a Temporal dev server and
 * an embedded PostgreSQL (both persisted under DATA_DIR) unless TEMPORAL_ADDRESS / DATABASE_URL
 * name real ones, migrations, demo data, the worker and the API. Ctrl-C stops all of it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createApp } from '../api/app.js';
import { importLimitsOf, loadEnvOrExit, loginLimitsOf, temporalUiOf } from '../config/env.js';
import { policyConfig } from '../policy/config.js';
import { createDb } from '../prisma/client.js';
import { DEMO_PASSWORD, seedDemo } from '../prisma/seed.js';
import { calendarCoverage } from '../policy/calendar.js';
import { createCalendarStore, seedCalendar } from '../prisma/calendar.js';
import { seedPolicy } from '../prisma/policy.js';
import { createMailer } from '../worker/mailer.js';
import { createCaseWorker } from '../worker/worker.js';
import { startDemoCases } from './demo-cases.js';
import { consoleDir, ensureConsoleBuilt } from './build-console.js';
import { startDevTemporal } from './dev-temporal.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { runPrisma } from './prisma.js';

const cleanups: (() => Promise<unknown>)[] = [];
const step = (message: string) => console.log(`▸ ${message}`);

async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const dataDir = path.resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  let temporalAddress = env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    step('starting the Temporal dev server…');
    const temporal = await startDevTemporal({ dbFilename: path.join(dataDir, 'temporal.db'), port: env.TEMPORAL_PORT, uiPort: env.TEMPORAL_UI_PORT, namespace: env.TEMPORAL_NAMESPACE });
    cleanups.unshift(() => temporal.stop());
    temporalAddress = temporal.address;
  }

  let databaseUrl = env.DATABASE_URL;
  let poolSize = 10;
  if (!databaseUrl) {
    step('starting the embedded PostgreSQL (PGlite)…');
    const pg = await startEmbeddedPostgres(path.join(dataDir, 'pglite'));
    cleanups.unshift(() => pg.stop());
    databaseUrl = pg.url;
    poolSize = pg.poolSize;
  }
  step('applying database migrations…');
  await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
  const db = createDb(databaseUrl, poolSize);
  cleanups.unshift(() => db.$disconnect());
  step('loading demo data…');
  const logins = await seedDemo(db);
  await seedCalendar(db);
  await seedPolicy(db);

  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  cleanups.unshift(() => nativeConnection.close());
  const apiUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const worker = await createCaseWorker({
    connection: nativeConnection,
    namespace: env.TEMPORAL_NAMESPACE,
    db,
    config: policyConfig,
    mailer: createMailer(env.SMTP_URL),
    mailFrom: env.MAIL_FROM,
    publicUrl: apiUrl,
  });
  const workerRun = worker.run();
  cleanups.unshift(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerRun;
  });

  step('building the web console if its sources changed…');
  await ensureConsoleBuilt();

  const connection = await Connection.connect({ address: temporalAddress });
  cleanups.unshift(() => connection.close());
  const app = createApp({
    db,
    temporal: new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }),
    config: policyConfig,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    decisionTimeoutMs: env.DECISION_TIMEOUT_MS,
    mailMaxPendingAgeMs: env.MAIL_MAX_PENDING_AGE_S * 1000,
    consoleDir,
    temporalUi: temporalUiOf(env, env.TEMPORAL_ADDRESS ? undefined : `http://localhost:${env.TEMPORAL_UI_PORT}`),
    importLimits: importLimitsOf(env),
    loginLimits: loginLimitsOf(env),
    trustProxy: env.TRUST_PROXY,
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(env.PORT, () => resolve(s)).once('error', reject);
  });
  cleanups.unshift(() => new Promise((resolve) => server.close(resolve)));
  const demoStarted = await startDemoCases(db, `http://localhost:${env.PORT}`, policyConfig);
  if (demoStarted.length) step(`started demo cases: ${demoStarted.join(', ')}`);

  console.log(`\n集团化办学流程服务已启动 / GroupFlow is running`);
  console.log(`  Console / 控制台: ${apiUrl}/`);
  console.log(`  API:             ${apiUrl}/api  (readiness: ${apiUrl}/readyz, metrics: ${apiUrl}/metrics)`);
  console.log(env.TEMPORAL_ADDRESS ? `  Temporal:        ${temporalAddress}` : `  Temporal Web UI: http://localhost:${env.TEMPORAL_UI_PORT}  (gRPC ${temporalAddress})`);
  console.log(`  Database:        ${env.DATABASE_URL ? 'DATABASE_URL' : `embedded PGlite in ${path.join(dataDir, 'pglite')}`}`);
  console.log(`  API docs:        ${apiUrl}/docs  (OpenAPI: ${apiUrl}/openapi.json)`);
  const coverage = calendarCoverage(new Date(), await createCalendarStore(db, policyConfig.utcOffsetMinutes).load(), policyConfig.utcOffsetMinutes);
  if (coverage.warning) {
    console.log(`  Calendar / 工作日历: ${coverage.missingYears.join('、')} 年节假日安排尚未录入（EDU 管理员在控制台「工作日历」录入）；此前截止时间为暂定 / holidays of ${coverage.missingYears.join(', ')} not entered yet: deadlines counting them are provisional`);
  }
  console.log(`  E-mail:          ${env.SMTP_URL ? 'via SMTP_URL' : 'SMTP_URL not set: messages are kept in the outbox (Notification table), not sent'}`);
  console.log(`\n  Demo logins (password "${DEMO_PASSWORD}"):`);
  for (const l of logins) console.log(`    ${l.login.padEnd(10)} ${l.belongsTo}`);
  console.log('\n  Ctrl-C stops everything; data stays for the next start.\n');
  // The worker ends on its own if Temporal goes away; stop the rest with it.
  await workerRun;
}

let stopping: Promise<void> | undefined;
async function stop(code: number): Promise<never> {
  // A signal and the worker's own end both arrive here; both wait for the one ordered cleanup.
  stopping ??= (async () => {
    for (const cleanup of cleanups) await cleanup().catch((err: unknown) => console.error(err));
  })();
  await stopping;
  process.exit(code);
}

// The worker's own signal handlers begin its graceful shutdown; this stops everything else in order.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(0));

main().then(
  () => stop(0),
  (err: unknown) => {
    console.error(err);
    return stop(1);
  },
);
