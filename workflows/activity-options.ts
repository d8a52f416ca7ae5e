/**
 * Every workflow's activity options, in one place. Transient failures (connection loss, timeouts)
 * retry with doubling back-off up to a minute, without limit, so an outage delays a case but never
 * fails it; a PERMANENT_FAILURE (activities/failures.ts: bad data, a constraint, an encoding error)
 * fails the call at once, so no case waits forever on a write that can never succeed.
 */
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { PERMANENT_FAILURE } from './constants.js';

type Activities = ReturnType<typeof createActivities>;

export const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: [PERMANENT_FAILURE] };

/**
 * Reads and idempotent bookkeeping a workflow does between its own steps. Not for writes made
 * from update or signal handlers: a local activity runs even if the workflow task that accepted the
 * message is then discarded (NOTES.md).
 */
export const localDb = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });

/** Reads of a whole group's teachers and schools (rotation plans). */
export const slowLocalDb = proxyLocalActivities<Activities>({ startToCloseTimeout: '1 minute', retry });

/** Writes that record what officials did, from message handlers: they run only once the accepting task is stored. */
export const recorded = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * A regular activity whose scheduled time is the server's clock, which the workflow's timers follow.
 */
export const serverClock = proxyActivities<Activities>({ startToCloseTimeout: '10 seconds', retry });

/** Long batch work that reports progress: a worker that dies mid-batch is noticed within a minute. */
export const batch = proxyActivities<Activities>({ startToCloseTimeout: '30 minutes', heartbeatTimeout: '1 minute', retry });

/**
 * One delivery of the outbox relay (a batch sent at once, each message bounded by the SMTP
 * transport's own timeouts, worker/mailer.ts). It heartbeats every few seconds
 * (OUTBOX_RENEW_MS in activities/notifications.ts), so a delivery on a worker that died is retried
 * on another one after the heartbeat timeout instead of after the start-to-close timeout. Its
 * failures are the database's (the mail relay's refusals are answered per message), so it retries
 * without a limit, soon.
 */
export const mailDelivery = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '10 seconds',
  retry: { ...retry, maximumInterval: '10 seconds' },
});
