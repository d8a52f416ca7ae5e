import { ApplicationFailure } from '@temporalio/workflow';

/** Refuses a message in its validator: the caller gets `type` as the reason, history gets nothing. */
export function refuse(type: string, message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}
