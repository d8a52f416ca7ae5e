/** Names shared by the worker, the API, the dev-server scripts and the tests. */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const TASK_QUEUE = 'groupflow-cases';

/** Custom search attributes, so administrators can find cases with Temporal's own CLI and Web UI. */
export const searchAttributes = {
  caseType: defineSearchAttributeKey('CaseType', SearchAttributeType.KEYWORD),
  caseStatus: defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD),
  groupCode: defineSearchAttributeKey('GroupCode', SearchAttributeType.KEYWORD),
  schoolCode: defineSearchAttributeKey('SchoolCode', SearchAttributeType.KEYWORD),
} as const;

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

/**
 * The failure type of an activity error that no retry can cure (bad data, a constraint, an
 * encoding error): activities throw it non-retryable, and every activity option lists it.
 */
export const PERMANENT_FAILURE = 'PermanentFailure';
