/**
 * The outbox relay: one long-running workflow per task queue that delivers what cases queue in the
 * outbox. Cases only store their messages (a local activity) and wake the relay, so a notification
 * costs no workflow of its own, officials' decisions never wait for mail, and a mail relay (SMTP)
 * that is down for hours delays mail without holding up or losing any case: refused messages stay
 * in the outbox and in this workflow's state and are tried again with a growing back-off.
 */
import { condition, continueAsNew, proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import { mailQueuedSignal } from './messages.js';

const outbox = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Same back-off as each message had when it was sent by an activity retry of its own. */
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 10 * 60_000;
/** Messages per delivery activity, so one activity stays well inside its timeout. */
const BATCH = 100;
/** Rounds per run before continuing as new, in case the server never suggests it (test server). */
const ROUNDS_PER_RUN = 500;

/** What one run of the relay hands to the next when it continues as new. */
export interface RelayState {
  /** Queued, not yet tried. */
  fresh?: string[];
  /** Refused by the relay at least once, tried again after a back-off. */
  retrying?: string[];
  backoffMs?: number;
}

export async function outboxRelayWorkflow(carried: RelayState = {}): Promise<void> {
  const fresh = new Set(carried.fresh);
  const retrying = new Set(carried.retrying);
  let backoffMs = carried.backoffMs ?? FIRST_BACKOFF_MS;
  let retryDue = retrying.size > 0;
  let retryArmed = false;

  setHandler(mailQueuedSignal, (ids) => {
    for (const id of ids) if (!retrying.has(id)) fresh.add(id);
  });
  // A timer of its own, so a steady stream of new mail does not keep postponing the retries.
  const armRetry = () => {
    if (retryArmed) return;
    retryArmed = true;
    void sleep(backoffMs).then(() => {
      retryArmed = false;
      retryDue = true;
    });
  };

  for (let round = 0; round < ROUNDS_PER_RUN && !workflowInfo().continueAsNewSuggested; round += 1) {
    await condition(() => fresh.size > 0 || retryDue);
    const retry = retryDue;
    const batch: string[] = [];
    for (const source of retry ? [fresh, retrying] : [fresh]) {
      for (const id of source) {
        if (batch.length >= BATCH) break;
        batch.push(id);
        source.delete(id);
      }
    }
    retryDue = retry && retrying.size > 0;
    const { failed } = await outbox.deliverNotifications({ notificationIds: batch });
    for (const id of failed) retrying.add(id);
    if (retry) backoffMs = failed.length > 0 ? Math.min(backoffMs * 2, MAX_BACKOFF_MS) : FIRST_BACKOFF_MS;
    if (retrying.size > 0 && !retryDue) armRetry();
  }
  await continueAsNew<typeof outboxRelayWorkflow>({ fresh: [...fresh], retrying: [...retrying], backoffMs });
}
