/**
 * The term of a posting (a secondment, a shadow placement): wait until it starts, remind its
 * parties before it ends, wait until it ends. The waits are read from the clock once, so replay and
 * the time-skipping server see the same timers.
 */
import { proxyLocalActivities, sleep } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import { sendNotifications } from '../notifications/send.js';
import { dbLocalActivity } from '../activity-options.js';

const db = proxyLocalActivities<ReturnType<typeof createActivities>>(dbLocalActivity);

/** A moment already past (a term approved after its first day) needs no timer. */
async function waitFor(ms: number): Promise<void> {
  if (ms > 0) await sleep(ms);
}

export async function runTerm(caseId: string, term: { startsOn: string; endsOn: string; reminderLeadDays: number }, onStart: () => Promise<void>): Promise<void> {
  const waits = await db.termWaitsFromNow(term);
  await waitFor(waits.toStartMs);
  await db.recordMilestone({ caseId, key: 'term-started', comment: `任期开始 / Term started (${term.startsOn})` });
  await onStart();
  await waitFor(waits.toReminderMs - waits.toStartMs);
  await sendNotifications({ kind: 'TERM_ENDING', caseId, dedupeKey: `TERM_ENDING:${caseId}` });
  await db.recordMilestone({ caseId, key: 'term-ending-reminder', comment: `已提醒任期将于 ${term.endsOn} 届满 / Reminded that the term ends on ${term.endsOn}` });
  await waitFor(waits.toEndMs - waits.toReminderMs);
  await db.recordMilestone({ caseId, key: 'term-ended', comment: `任期届满 / Term ended (${term.endsOn})` });
}
