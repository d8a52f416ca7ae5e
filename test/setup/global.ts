/**
 * Real servers for the whole run: PostgreSQL (DATABASE_URL, as in CI) or else the embedded PGlite,
 * migrated with `prisma migrate deploy`; and a Temporal dev server. Nothing is skipped when one
 * cannot be had: the run fails and says what is missing.
 */
import type { TestProject } from 'vitest/node';
import { startDevTemporal } from '../../scripts/dev-temporal.js';
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres.js';
import { runPrisma } from '../../scripts/prisma.js';
import { seedCalendar } from '../../prisma/calendar.js';
import { seedPolicy } from '../../prisma/policy.js';
import { createDb } from '../../prisma/client.js';
import { bundleWorkflows } from '../../worker/worker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databasePoolSize: number;
    temporalAddress: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl = process.env.DATABASE_URL;
  let databasePoolSize = 10;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres();
    stops.unshift(() => pg.stop());
    databaseUrl = pg.url;
    databasePoolSize = pg.poolSize;
  }
  await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
  // The working-day calendar the API and workers seed at start, for tests that use neither.
  const db = createDb(databaseUrl, 1);
  await seedCalendar(db);
  await seedPolicy(db);
  await db.$disconnect();
  // One webpack bundle of the workflows for the whole run: every test file loads it from the cache.
  await bundleWorkflows();

  const temporal = await startDevTemporal().catch((err: unknown) => {
    throw new Error(`Cannot start the Temporal dev server (needs Go to build the CLI, or TEMPORAL_CLI_PATH): ${String(err)}`);
  });
  stops.unshift(() => temporal.stop());

  project.provide('databaseUrl', databaseUrl);
  project.provide('databasePoolSize', databasePoolSize);
  project.provide('temporalAddress', temporal.address);
  return async () => {
    for (const stop of stops) await stop();
  };
}
