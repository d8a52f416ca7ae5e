/** The schedulers' operations in /openapi.json (all for role SCHEDULER or ADMIN, on the caller's district). */
import type { z } from 'zod';
import { CYCLE_KINDS } from '../../workflows/cycles/messages.js';
import { backfillBody, calendarUpdateBody, createScheduleBody, describeQuery, noteBody, triggerBody } from './schemas.js';

type Operation = (summary: string, options?: { body?: z.ZodType; query?: z.ZodType }) => { parameters: object[] } & Record<string, unknown>;

export function schedulePaths(operation: Operation) {
  const kind = { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: CYCLE_KINDS } };
  const withKind = (op: ReturnType<Operation>) => ({ ...op, parameters: [kind, ...op.parameters] });
  return {
    '/api/schedules': {
      get: operation('Yearly cycle schedules of my district (排程)'),
      post: operation('Create a yearly cycle schedule (Asia/Shanghai)', { body: createScheduleBody }),
    },
    '/api/schedules/{kind}': { get: withKind(operation('A schedule: next and recent runs, paused note, expected runs and misses', { query: describeQuery })) },
    '/api/schedules/{kind}/pause': { post: withKind(operation('Pause with a note', { body: noteBody })) },
    '/api/schedules/{kind}/resume': { post: withKind(operation('Resume with a note', { body: noteBody })) },
    '/api/schedules/{kind}/trigger': { post: withKind(operation('Run the cycle now, or for a given school year', { body: triggerBody })) },
    '/api/schedules/{kind}/backfill': { post: withKind(operation('Run the scheduled times of a missed period', { body: backfillBody })) },
    '/api/schedules/{kind}/calendar': { put: withKind(operation('Change the yearly calendar', { body: calendarUpdateBody })) },
  };
}
