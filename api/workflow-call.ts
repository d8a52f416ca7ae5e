/**
 * Sends a message to a case's workflow with a bounded wait, and answers only what it knows
 * (issue 12 point 3): "nothing was applied" when no worker polls the case queue (so nothing was
 * sent); "outcome unknown" when a sent message has no answer by the deadline; a Temporal outage as
 * such. A repeat with the same requestId (the update id) gets the definite outcome once there is one.
 */
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import { DomainError } from './errors.js';
import { toDomainError } from './temporal-errors.js';

const POLLERS_FRESH_MS = 2_000;
const PRECHECK_MS = 3_000;
const seenPolling = new Map<string, number>();

/** How many workers poll the case workflows' task queue, as the Temporal server saw them lately. */
export async function workflowPollers(temporal: Client, taskQueue: string): Promise<number> {
  const answer = await temporal.withDeadline(Date.now() + PRECHECK_MS, () =>
    temporal.workflowService.describeTaskQueue({
      namespace: temporal.options.namespace,
      taskQueue: { name: taskQueue, kind: proto.temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    }),
  );
  return answer.pollers?.length ?? 0;
}

/** Whether a worker polls the workflow task queue; Temporal unreachable is answered as such. */
export async function assertWorkerPolling(temporal: Client, taskQueue: string): Promise<void> {
  const key = `${temporal.options.namespace}/${taskQueue}`;
  if (Date.now() - (seenPolling.get(key) ?? 0) < POLLERS_FRESH_MS) return;
  let pollers: number;
  try {
    pollers = await workflowPollers(temporal, taskQueue);
  } catch {
    // Nothing was sent: whatever the reason, the engine could not be asked.
    throw new DomainError('TEMPORAL_UNAVAILABLE');
  }
  if (pollers === 0) throw new DomainError('WORKER_UNAVAILABLE');
  seenPolling.set(key, Date.now());
}

/** An update (or another message a worker must take) to a case's workflow. */
export async function callWorkflow<T>(temporal: Client, taskQueue: string, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  await assertWorkerPolling(temporal, taskQueue);
  try {
    // Without a worker an Update waits indefinitely; the deadline turns that into a clear answer.
    return await temporal.withDeadline(Date.now() + timeoutMs, call);
  } catch (err) {
    throw toDomainError(err);
  }
}

/** A start, a query or a describe: bounded by the same deadline, Temporal's errors in the API's words. */
export async function callTemporal<T>(temporal: Client, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  try {
    return await temporal.withDeadline(Date.now() + timeoutMs, call);
  } catch (err) {
    throw toDomainError(err);
  }
}
