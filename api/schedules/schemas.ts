/** The schedulers' API at its boundary: yearly cycle calendars, notes, manual and backfill runs. */
import { z } from 'zod';
import { safeText } from '../../policy/text.js';
import { CYCLE_KINDS } from '../../workflows/cycles/messages.js';

const note = safeText(500);

/** Once a year at this local time (Asia/Shanghai); day 1–28 so every month has it. */
export const calendarBody = z.object({
  month: z.number().int().min(1).max(12),
  dayOfMonth: z.number().int().min(1).max(28),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
});

export const kindParam = z.object({ kind: z.enum(CYCLE_KINDS) });
export const createScheduleBody = z.object({ kind: z.enum(CYCLE_KINDS), calendar: calendarBody.optional(), note: note.optional(), paused: z.boolean().default(false) });
export const noteBody = z.object({ note });
export const calendarUpdateBody = z.object({ calendar: calendarBody });
/** With a school year the cycle runs for that year (idempotent per requestId); without, it runs as if scheduled now. */
export const triggerBody = z.object({ requestId: z.uuid(), schoolYear: z.number().int().min(2000).max(2100).optional() });
export const backfillBody = z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) });
/** Expected runs are compared with actual runs from this instant (default: when the schedule was created). */
export const describeQuery = z.object({ since: z.iso.datetime({ offset: true }).optional() });
