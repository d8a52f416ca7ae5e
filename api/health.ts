/**
 * `/livez`: the process answers. `/readyz` (and its older name `/healthz`): 503 when the database or
 * Temporal is unreachable; details include how far the working-day calendar reaches, which warns
 * without making the service unready (deadlines still count, provisionally).
 */
import type { RequestHandler } from 'express';
import type { Client } from '@temporalio/client';
import type { CalendarService } from '../application/calendar.js';
import type { Db } from '../prisma/client.js';

async function probe<T>(check: () => Promise<T>): Promise<{ ok: boolean; latencyMs: number; error?: string; value?: T }> {
  const started = performance.now();
  try {
    const value = await check();
    return { ok: true, latencyMs: Math.round(performance.now() - started), value };
  } catch (err) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: err instanceof Error ? err.message : String(err) };
  }
}

export const livenessRoute: RequestHandler = (_req, res) => {
  res.json({ status: 'ok' });
};

export function readinessRoute(db: Db, temporal: Client, calendar: CalendarService): RequestHandler {
  return async (_req, res) => {
    const [database, temporalStatus] = await Promise.all([
      probe(() => db.$queryRaw`SELECT 1`),
      probe(() => temporal.withDeadline(Date.now() + 3000, () => temporal.connection.workflowService.getSystemInfo({}))),
    ]);
    const ok = database.ok && temporalStatus.ok;
    const coverage = database.ok ? await probe(() => calendar.coverage()) : undefined;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      database: { ok: database.ok, latencyMs: database.latencyMs, ...(database.error ? { error: database.error } : {}) },
      temporal: { ok: temporalStatus.ok, latencyMs: temporalStatus.latencyMs, ...(temporalStatus.error ? { error: temporalStatus.error } : {}) },
      ...(coverage?.value ? { calendar: coverage.value } : {}),
    });
  };
}
