/**
 * A local Temporal dev server (the real server, SQLite-backed, with the Web UI) for `npm start` and
 * the integration tests, with the case search attributes registered.
 */
import { createServer } from 'node:net';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { searchAttributes } from '../workflows/constants.js';
import { devServerExecutable } from './temporal-servers.js';

export interface DevTemporal {
  address: string;
  namespace: string;
  stop(): Promise<void>;
}

export interface DevTemporalOptions {
  /** Persist history in this SQLite file; without it the server forgets everything on stop. */
  dbFilename?: string;
  port?: number;
  uiPort?: number;
  namespace?: string;
  /** The server's own log on this process's output; the fault harness, whose faults make it loud, passes `never`. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'never';
}

function assertPortFree(port: number, purpose: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`Port ${port} (${purpose}) is in use: is another Temporal server or \`npm start\` running? Stop it or choose other ports.`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export async function startDevTemporal(options: DevTemporalOptions = {}): Promise<DevTemporal> {
  const namespace = options.namespace ?? 'default';
  // The SDK only waits for *a* server on the port, so a leftover one would be mistaken for ours.
  if (options.port) await assertPortFree(options.port, 'TEMPORAL_PORT');
  if (options.uiPort) await assertPortFree(options.uiPort, 'TEMPORAL_UI_PORT');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: await devServerExecutable(),
      namespace,
      dbFilename: options.dbFilename,
      port: options.port,
      ...(options.uiPort ? { ui: true, uiPort: options.uiPort } : {}),
      ...(options.logLevel ? { log: { format: 'pretty', level: options.logLevel } } : {}),
      searchAttributes: Object.values(searchAttributes),
    },
  });
  return { address: env.address, namespace, stop: () => env.teardown() };
}
