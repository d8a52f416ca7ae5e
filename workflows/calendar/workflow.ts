/**
 * Recounts the deadlines of open steps after the bureau entered or changed a calendar year. A
 * workflow rather than the API request itself, so the recount finishes even if the API or a worker
 * stops half-way (the activity is idempotent and heartbeats per step).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import type { CalendarChangeInput } from './messages.js';

const calendar = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function calendarChangeWorkflow(input: CalendarChangeInput): Promise<{ steps: number; moved: number }> {
  return calendar.rescheduleDeadlines({ years: input.years });
}
