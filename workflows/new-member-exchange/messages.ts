/** The new member's exchange (R-EXCH-NEWMEMBER): its contract with the group change and tests. */
import { defineQuery } from '@temporalio/workflow';
import type { NewMemberTeacherCheck } from '../../activities/new-member-exchange.js';

export interface NewMemberExchangeInput {
  groupId: string;
  /** The member school that joined. */
  schoolId: string;
  /** The group change case that added the school. */
  groupChangeCaseId?: string;
}

export type NewMemberExchangePhase = 'NAMING' | 'APPROVING' | 'COMPLETED' | 'REJECTED' | 'WITHDRAWN';

export interface NewMemberExchangeState {
  caseId: string | null;
  phase: NewMemberExchangePhase;
  teacherCount: number;
  schoolYear: number | null;
  round: number;
  teacherIds: string[];
  check: NewMemberTeacherCheck | null;
  terms: { teacherId: string; workflowId: string; alreadyStarted: boolean }[];
}

export interface NewMemberExchangeResult {
  caseId: string;
  phase: Exclude<NewMemberExchangePhase, 'NAMING' | 'APPROVING'>;
  terms: NewMemberExchangeState['terms'];
}

export const newMemberExchangeStateQuery = defineQuery<NewMemberExchangeState>('newMemberExchangeState');

/** One per school and group: a repeated join of the same school finds the exchange already running or done. */
export function newMemberExchangeWorkflowId(groupId: string, schoolId: string): string {
  return `new-member-exchange-${groupId}-${schoolId}`;
}
