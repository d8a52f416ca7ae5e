/** The group assessment's contract with the cycle, the API and tests (R-ASSESS-ANNUAL, R-REVIEW-3Y). */
import { defineQuery } from '@temporalio/workflow';
import type { AssessmentKind, GroupStructure } from '../../policy/assessment.js';

export interface GroupAssessmentInput {
  groupId: string;
  schoolYear: number;
}

export type GroupAssessmentPhase = 'OPENING' | 'IN_CHAIN' | 'PUBLISHED' | 'CLOSED_UNPUBLISHED';

export interface GroupAssessmentState {
  caseId: string | null;
  schoolYear: number;
  kind: AssessmentKind | null;
  phase: GroupAssessmentPhase;
  tierBefore: number | null;
  tierAfter: number | null;
  structure: GroupStructure | null;
}

export interface GroupAssessmentResult {
  caseId: string;
  status: 'COMPLETED' | 'REJECTED' | 'WITHDRAWN';
  kind: AssessmentKind;
  tierBefore: number;
  tierAfter: number | null;
}

export const groupAssessmentStateQuery = defineQuery<GroupAssessmentState>('groupAssessmentState');

/** One assessment per group and school year: the id itself keeps a re-run cycle from opening a second. */
export function groupAssessmentWorkflowId(groupId: string, schoolYear: number): string {
  return `group-assessment:${groupId}:${schoolYear}`;
}
