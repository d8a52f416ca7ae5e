/**
 * Recounts the deadlines of open steps after the bureau entered or changed a calendar year. A
 * workflow rather than the API request itself, so the recount finishes even if the API or a worker
 * stops half-way (the activity is idempotent and heartbeats per step).
 */
import { batch } from '../activity-options.js';
import type { CalendarChangeInput } from './messages.js';

export async function calendarChangeWorkflow(input: CalendarChangeInput): Promise<{ steps: number; moved: number }> {
  return batch.rescheduleDeadlines({ years: input.years });
}
