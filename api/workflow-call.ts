/** Sends a message to a case's workflow with a bounded wait, answering in the API's own errors. */
import type { Client } from '@temporalio/client';
import { toDomainError } from './temporal-errors.js';

export async function callWorkflow<T>(temporal: Client, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  try {
    // Without a worker an Update waits indefinitely; the deadline turns that into a clear 503.
    return await temporal.withDeadline(Date.now() + timeoutMs, call);
  } catch (err) {
    throw toDomainError(err);
  }
}
