/** Messages of the outbox relay, shared by the workflow and the activity that wakes it. */
import { defineSignal } from '@temporalio/workflow';

/** Outbox rows (ids) queued and waiting for their first delivery attempt. */
export const mailQueuedSignal = defineSignal<[string[]]>('mailQueued');

/** One relay per task queue: each worker deployment (and each test file's worker) delivers its own mail. */
export function outboxRelayWorkflowId(taskQueue: string): string {
  return `outbox-relay:${taskQueue}`;
}
