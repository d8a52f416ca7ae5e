/** Activity options of the outbox: how cases store their mail, and how the outbox relay delivers it. */
import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

/** A case stores its messages with a local activity: a database write, retried while the database is away. */
export const queueMailOptions: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
};

/**
 * One delivery of the outbox relay (a batch sent at once, each message bounded by the SMTP
 * transport's own timeouts, worker/mailer.ts). It heartbeats every few seconds
 * (OUTBOX_RENEW_MS in activities/notifications.ts), so a delivery on a worker that died is retried
 * on another one after the heartbeat timeout instead of after the start-to-close timeout. Its
 * failures are the database's (the mail relay's refusals are answered per message), so it retries
 * without a limit, soon.
 */
export const deliverMailOptions: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
};
