/** Messages of the outbox relay, shared by the workflow and the activity that wakes it. */
import { defineSignal } from '@temporalio/workflow';

/** New messages are in the outbox: the relay looks for due mail (the outbox table says which). */
export const mailQueuedSignal = defineSignal('mailQueued');

/** One relay per task queue: each worker deployment (and each test file's worker) delivers its own mail. */
export function outboxRelayWorkflowId(taskQueue: string): string {
  return `outbox-relay:${taskQueue}`;
}
