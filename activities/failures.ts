/**
 * Sorts what an activity throws: a write the database refuses (bad data, a constraint, encoding)
 * fails at once, non-retryable, so no workflow waits forever on it; a lost connection or a timeout
 * is thrown as it is and retried with back-off (workflows/activity-options.ts).
 */
import { ApplicationFailure } from '@temporalio/common';
import { isPermanentDataError } from '../prisma/errors.js';
import { PERMANENT_FAILURE } from '../workflows/constants.js';

type AnyActivity = (...args: never[]) => Promise<unknown>;

export function classifyFailure(err: unknown): unknown {
  if (err instanceof ApplicationFailure || !isPermanentDataError(err)) return err;
  const code = (err as { code?: string }).code;
  // The first line of Prisma's message names the operation; the last names the database's reason.
  const reason = String((err as Error).message).trim().split('\n').filter(Boolean).pop() ?? 'refused by the database';
  return ApplicationFailure.create({ message: reason, type: PERMANENT_FAILURE, nonRetryable: true, details: [{ code }], cause: err as Error });
}

export function withClassifiedFailures<T extends Record<string, AnyActivity>>(activities: T): T {
  const wrapped: Record<string, AnyActivity> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] = async (...args) => {
      try {
        return await activity(...args);
      } catch (err) {
        throw classifyFailure(err);
      }
    };
  }
  return wrapped as T;
}
