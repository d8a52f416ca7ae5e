/** The commendation round's contract with the cycle, the API and tests (R-AWARD-ANNUAL). */
import { defineQuery } from '@temporalio/workflow';
import type { NominationStatusCode } from '../../policy/commendation.js';

export interface CommendationRoundInput {
  districtId: string;
  schoolYear: number;
}

export type CommendationPhase = 'NOMINATING' | 'GROUP_REVIEW' | 'DISTRICT_LIST' | 'PUBLISHED' | 'CLOSED_UNPUBLISHED';

export interface CommendationNominee {
  nominationId: string;
  schoolId: string;
  name: string;
  status: NominationStatusCode;
}

export interface CommendationRoundState {
  caseId: string | null;
  phase: CommendationPhase;
  /** Schools still to nominate, and those recorded as "none" after the nominations closed. */
  awaitingSchools: string[];
  lapsedSchools: string[];
  nominees: CommendationNominee[];
}

export interface CommendationRoundResult {
  caseId: string;
  status: 'COMPLETED' | 'REJECTED';
  nominees: CommendationNominee[];
  lapsedSchools: string[];
}

export const commendationRoundStateQuery = defineQuery<CommendationRoundState>('commendationRoundState');

/** One round per district and school year. */
export function commendationRoundWorkflowId(districtId: string, schoolYear: number): string {
  return `commendation-round:${districtId}:${schoolYear}`;
}
