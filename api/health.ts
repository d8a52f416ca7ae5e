/** Liveness of what the API depends on; 503 when either the database or Temporal is unreachable. */
import type { RequestHandler } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../prisma/client.js';

async function probe(check: () => Promise<unknown>): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: err instanceof Error ? err.message : String(err) };
  }
}

export function healthRoute(db: Db, temporal: Client): RequestHandler {
  return async (_req, res) => {
    const [database, temporalStatus] = await Promise.all([
      probe(() => db.$queryRaw`SELECT 1`),
      probe(() => temporal.withDeadline(Date.now() + 3000, () => temporal.connection.workflowService.getSystemInfo({}))),
    ]);
    const ok = database.ok && temporalStatus.ok;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database, temporal: temporalStatus });
  };
}
