/**
 * The outbox relay: one long-running workflow per task queue that delivers what cases queue in the
 * outbox. Cases only store their messages (a local activity) and wake the relay, so a notification
 * costs no workflow of its own, officials' decisions never wait for mail, and a mail relay (SMTP)
 * that is down for hours delays mail without holding up or losing any case.
 *
 * The outbox table, not this workflow, knows what is due: each message carries its own next attempt
 * (its back-off) and the lease of the delivery that holds it. The relay only decides when to look:
 * on a signal, at once while deliveries leave more due, and otherwise when the earliest waiting
 * message falls due. Several deliveries run at once (on any of the task queue's workers), each
 * claiming its own batch, so neither a backlog nor a slow connection to the mail relay holds up the
 * rest of the mail.
 */
import { condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { mailDelivery as outbox } from '../activity-options.js';
import { mailQueuedSignal } from './messages.js';

/** Messages one delivery claims and sends at once. */
const BATCH = 10;
/** Deliveries running at once. */
const MAX_IN_FLIGHT = 4;
/** Never look again sooner than this after a look found nothing due. */
const MIN_WAIT_MS = 500;
/** Deliveries per run before continuing as new, in case the server never suggests it (test server). */
const DELIVERIES_PER_RUN = 500;

export async function outboxRelayWorkflow(): Promise<void> {
  /**
   * Deliveries to start: one for new mail, as many as may run while deliveries leave more due. A new
   * run starts one at once: messages may have been queued while the last run continued as new.
   */
  let wanted = 1;
  let inFlight = 0;
  /**
   * In how many ms the earliest waiting message falls due, the soonest the deliveries since the last
   * wait saw. An older sighting can only make the relay look early (the claim still waits for each
   * message's own time) or late by the length of a busy spell, during which it delivers anyway.
   */
  let nextDueInMs: number | undefined;
  setHandler(mailQueuedSignal, () => {
    wanted = Math.max(wanted, 1);
  });

  const deliver = async () => {
    inFlight += 1;
    const delivery = await outbox.deliverDueNotifications({ limit: BATCH }).finally(() => {
      inFlight -= 1;
    });
    // A backlog: fill every free place with a delivery of its own batch.
    if (delivery.moreDue) wanted = Math.max(wanted, MAX_IN_FLIGHT - inFlight);
    if (delivery.nextDueInMs !== undefined) nextDueInMs = Math.min(nextDueInMs ?? Infinity, delivery.nextDueInMs);
  };

  for (let deliveries = 0; deliveries < DELIVERIES_PER_RUN && !workflowInfo().continueAsNewSuggested; ) {
    if (wanted > 0 && inFlight < MAX_IN_FLIGHT) {
      wanted -= 1;
      deliveries += 1;
      void deliver();
      continue;
    }
    if (inFlight > 0) {
      await condition(() => (wanted > 0 && inFlight < MAX_IN_FLIGHT) || inFlight === 0);
      continue;
    }
    // Idle: wait for new mail, or for the earliest waiting message's back-off or lease to run out.
    const waitMs = nextDueInMs === undefined ? undefined : Math.max(MIN_WAIT_MS, nextDueInMs);
    nextDueInMs = undefined;
    if (waitMs === undefined) await condition(() => wanted > 0);
    else if (!(await condition(() => wanted > 0, waitMs))) wanted = 1;
  }
  await condition(() => inFlight === 0);
  await continueAsNew<typeof outboxRelayWorkflow>();
}
