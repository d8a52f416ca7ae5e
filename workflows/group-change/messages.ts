/** A group structure change case (R-GROUP-SIZE, R-GROUP-ALLIANCE, R-GROUP-SUBCORE): input, result, state query. */
import { defineQuery } from '@temporalio/workflow';
import type { GroupChangeRefusal } from '../../activities/group-change.js';
import type { GroupChangeKind } from '../../policy/group-structure.js';

export interface GroupChangeInput {
  caseId: string;
  title: string;
  districtId: string;
  groupId: string;
  schoolId: string;
  kind: GroupChangeKind;
  /** A 7th or 8th member: the chain gets EDU's justification step. */
  needsJustification: boolean;
  /** The initiator's reasons for a 7th or 8th member, shown to the EDU lead who approves the justification. */
  proposedJustification?: string;
  initiatorId?: string;
}

export type GroupChangePhase = 'APPROVAL' | 'APPLIED' | 'REFUSED' | 'REJECTED' | 'WITHDRAWN';

export interface GroupChangeResult {
  caseId: string;
  status: 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  /** Why an approved change could not be applied (the group changed meanwhile). */
  refusal?: GroupChangeRefusal;
  /** The added school was founded less than three years before: its subsidy period is due (R-FUND-NEWSCHOOL). */
  newSchool?: boolean;
}

export const groupChangeStateQuery = defineQuery<{ phase: GroupChangePhase; justification?: string }>('groupChangeState');
