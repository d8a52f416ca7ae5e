/**
 * The worker's own health endpoint (issue 12 point 6), for a process supervisor or a load balancer:
 * `/livez` answers while the process runs; `/readyz` only while the worker is running (polling its
 * task queue) and its database answers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from '@temporalio/worker';
import type { Db } from '../prisma/client.js';

export async function startWorkerHealth(options: { port: number; host?: string; worker: Pick<Worker, 'getState'>; db: Db }): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/livez') return answer(200, { status: 'ok' });
    if (req.url !== '/readyz') return answer(404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
    const state = options.worker.getState();
    options.db.$queryRaw`SELECT 1`.then(
      () => answer(state === 'RUNNING' ? 200 : 503, { status: state === 'RUNNING' ? 'ok' : 'unavailable', worker: state, database: { ok: true } }),
      (err: unknown) => answer(503, { status: 'unavailable', worker: state, database: { ok: false, error: err instanceof Error ? err.message : String(err) } }),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, options.host ?? '0.0.0.0', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
