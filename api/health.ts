/**
 * `/livez`: the process answers. `/readyz` (and its older name `/healthz`): 503 unless the database
 * and Temporal answer, at least one worker polls the case task queue, and the outbox's oldest
 * pending message is younger than the threshold (issue 12 point 6). It also says how far the
 * working-day calendar reaches, which warns without making the service unready.
 */
import type { RequestHandler } from 'express';
import type { Client } from '@temporalio/client';
import type { CalendarService } from '../application/calendar.js';
import type { Db } from '../prisma/client.js';
import { workflowPollers } from './workflow-call.js';

interface Check {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

async function probe<T>(check: () => Promise<T>): Promise<Check & { value?: T }> {
  const started = performance.now();
  try {
    const value = await check();
    return { ok: true, latencyMs: Math.round(performance.now() - started), value };
  } catch (err) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: err instanceof Error ? err.message : String(err) };
  }
}

const plain = ({ ok, latencyMs, error }: Check) => ({ ok, latencyMs, ...(error ? { error } : {}) });

export const livenessRoute: RequestHandler = (_req, res) => {
  res.json({ status: 'ok' });
};

export interface ReadinessDeps {
  db: Db;
  temporal: Client;
  calendar: CalendarService;
  taskQueue: string;
  /** Older pending mail than this means the mail relay (or the outbox relay) is stuck. */
  mailMaxPendingAgeMs: number;
}

export function readinessRoute({ db, temporal, calendar, taskQueue, mailMaxPendingAgeMs }: ReadinessDeps): RequestHandler {
  return async (_req, res) => {
    const [database, temporalStatus, workers, mail] = await Promise.all([
      probe(() => db.$queryRaw`SELECT 1`),
      probe(() => temporal.withDeadline(Date.now() + 3000, () => temporal.connection.workflowService.getSystemInfo({}))),
      probe(() => workflowPollers(temporal, taskQueue)),
      probe(async () => {
        const [row] = await db.$queryRaw<{ pending: number; oldest: Date | null }[]>`SELECT count(*)::int AS pending, min("createdAt") AS oldest FROM "Notification" WHERE state = 'PENDING'`;
        return { pending: row?.pending ?? 0, oldestPendingAgeS: row?.oldest ? Math.round((Date.now() - row.oldest.getTime()) / 1000) : 0 };
      }),
    ]);
    const pollers = workers.value ?? 0;
    const mailOk = mail.ok && (mail.value?.oldestPendingAgeS ?? 0) * 1000 < mailMaxPendingAgeMs;
    const ok = database.ok && temporalStatus.ok && workers.ok && pollers > 0 && mailOk;
    const coverage = database.ok ? await probe(() => calendar.coverage()) : undefined;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      database: plain(database),
      temporal: plain(temporalStatus),
      workers: { ...plain(workers), ok: workers.ok && pollers > 0, taskQueue, pollers },
      mail: { ...plain(mail), ok: mailOk, ...mail.value, maxPendingAgeS: Math.round(mailMaxPendingAgeMs / 1000) },
      ...(coverage?.value ? { calendar: coverage.value } : {}),
    });
  };
}
