/**
 * Every workflow's activity options, in one place. Database activities are idempotent (natural
 * keys, dedupe keys), so each retries without an attempt limit: a database that is away for a while
 * delays a case, it does not fail it. Permanent errors are raised non-retryable by the activities.
 */
import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

const retryUntilDone = { initialInterval: '1 second', maximumInterval: '1 minute' } as const;

/** A case's own bookkeeping (case rows, tasks, milestones, the outbox): a few queries, as a local activity. */
export const dbLocalActivity: LocalActivityOptions = { startToCloseTimeout: '30 seconds', retry: retryUntilDone };

/** Bookkeeping that writes many rows at once (a rotation plan's or a joining school's teachers and their terms). */
export const bulkDbLocalActivity: LocalActivityOptions = { startToCloseTimeout: '1 minute', retry: retryUntilDone };

/**
 * A regular activity for what must happen only after the workflow task that decided it is stored
 * (what officials did, recorded from message handlers).
 */
export const dbActivity: ActivityOptions = { startToCloseTimeout: '30 seconds', retry: retryUntilDone };

/** The server's clock, read by a regular activity: its scheduled time is the clock the workflow's timers follow. */
export const clockActivity: ActivityOptions = { startToCloseTimeout: '10 seconds', retry: retryUntilDone };

/**
 * One delivery of the outbox relay (a batch sent at once, each message bounded by the SMTP
 * transport's own timeouts, worker/mailer.ts). It heartbeats every few seconds
 * (OUTBOX_RENEW_MS in activities/notifications.ts), so a delivery on a worker that died is retried
 * on another one after the heartbeat timeout instead of after the start-to-close timeout. Its
 * failures are the database's (the mail relay's refusals are answered per message), so it retries
 * without a limit, soon.
 */
export const deliverMailActivity: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
};
