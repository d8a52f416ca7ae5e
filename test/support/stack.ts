/**
 * The product as integration tests use it: the test database, a worker on its own task queue of
 * the Temporal dev server, the API on an ephemeral port, and a logged-in token per official.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { policyConfig } from '../../policy/config.js';
import { createDb, type Db } from '../../prisma/client.js';
import { createCaseWorker } from '../../worker/worker.js';
import { login, startTestApi, type TestApi } from './api.js';
import { createTestOrg, type TestOrg } from './org.js';

export type Who = keyof TestOrg['officials'];

export interface Stack {
  db: Db;
  org: TestOrg;
  temporal: Client;
  taskQueue: string;
  api: TestApi;
  tokens: Record<Who, string>;
  close(): Promise<void>;
}

/** `consoleDir`: also serve the built web console, as production does. */
export async function startStack(options: { consoleDir?: string } = {}): Promise<Stack> {
  const taskQueue = `it-${randomUUID()}`;
  const db = createDb(inject('databaseUrl'), inject('databasePoolSize'));
  const org = await createTestOrg(db);
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  const nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const temporal = new Client({ connection });
  const worker = await createCaseWorker({ connection: nativeConnection, namespace: 'default', taskQueue, db, config: policyConfig });
  const workerRun = worker.run();
  const api = await startTestApi({ db, temporal, taskQueue, consoleDir: options.consoleDir });
  const tokens = {} as Record<Who, string>;
  for (const who of Object.keys(org.officials) as Who[]) tokens[who] = await login(api, org.officials[who].login);
  return {
    db,
    org,
    temporal,
    taskQueue,
    api,
    tokens,
    async close() {
      await api.close();
      worker.shutdown();
      await workerRun;
      await nativeConnection.close();
      await connection.close();
      await db.$disconnect();
    },
  };
}
