/** Case routes write the case's row before they start its workflow, so it can be read at once. */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../prisma/client.js';
import { DomainError } from '../errors.js';

export interface StartBound {
  temporal: Client;
  /** The start must answer within this time (DECISION_TIMEOUT_MS), Temporal up or not. */
  timeoutMs: number;
}

/**
 * Starts the case's workflow within the deadline. Not started means not created: the case's rows go
 * again, so no orphan case is listed, and the caller learns why. A start that failed without
 * saying whether it reached the server is looked up first: found, the case stands; not found, it
 * is forgotten; Temporal unreachable, the row stays and the answer says Temporal is unavailable,
 * with the case id, rather than claiming either.
 */
export async function startOrForget(db: Db, caseId: string, start: () => Promise<unknown>, bound: StartBound & { workflowId: string }): Promise<void> {
  const { temporal, timeoutMs, workflowId } = bound;
  try {
    await temporal.withDeadline(Date.now() + timeoutMs, start);
    return;
  } catch (err) {
    const started = await temporal
      .withDeadline(Date.now() + 3_000, () => temporal.workflow.getHandle(workflowId).describe())
      .then(
        (d) => d.runId !== undefined,
        (lookup: unknown) => (lookup instanceof WorkflowNotFoundError ? false : undefined),
      );
    if (started === true) return;
    if (started === undefined) throw new DomainError('TEMPORAL_UNAVAILABLE', { caseId });
    await db.$transaction([db.caseCopy.deleteMany({ where: { caseId } }), db.caseEvent.deleteMany({ where: { caseId } }), db.case.delete({ where: { id: caseId } })]);
    throw err;
  }
}
