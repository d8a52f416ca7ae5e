/** Translates what the Temporal client throws into the API's domain errors. */
import { isGrpcServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, isErrorCode } from './errors.js';

// gRPC status codes (grpc/status.proto).
const GrpcStatus = { CANCELLED: 1, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, UNAVAILABLE: 14 } as const;

export function toDomainError(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type && isErrorCode(err.cause.type)) {
    // The validator's own words say which field of a form is wrong.
    return new DomainError(err.cause.type, err.cause.type === 'FORM_INVALID' || err.cause.type === 'DECISION_NOT_RECORDED' ? { reason: err.cause.message } : undefined);
  }
  if (err instanceof WorkflowNotFoundError) return new DomainError('CASE_CLOSED');
  // Sent, but no answer by the deadline: it may yet be applied. A repeat with the same id tells.
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return new DomainError('OUTCOME_UNKNOWN');
  const grpc = isGrpcServiceError(err) ? err : isGrpcServiceError((err as { cause?: unknown })?.cause) ? (err as { cause: unknown }).cause : undefined;
  if (grpc && isGrpcServiceError(grpc)) {
    if (grpc.code === GrpcStatus.DEADLINE_EXCEEDED || grpc.code === GrpcStatus.CANCELLED) return new DomainError('OUTCOME_UNKNOWN');
    if (grpc.code === GrpcStatus.UNAVAILABLE) return new DomainError('TEMPORAL_UNAVAILABLE');
    if (grpc.code === GrpcStatus.NOT_FOUND) return new DomainError('CASE_CLOSED');
  }
  return err;
}
