/** A management secondment case (R-SECOND-OUT, R-SECOND-IN, R-SECOND-NEWSCHOOL): its input, result and state query. */
import { defineQuery } from '@temporalio/workflow';
import type { SecondmentStatus } from '../../activities/secondment.js';
import type { SecondedMember, SecondmentDirection } from '../../policy/secondment.js';

export interface SecondmentInput {
  caseId: string;
  title: string;
  districtId: string;
  groupId: string;
  direction: SecondmentDirection;
  fromSchoolId: string;
  toSchoolId: string;
  members: SecondedMember[];
  /** `YYYY-MM-DD`, Asia/Shanghai: the first and the last day of the term. */
  startsOn: string;
  endsOn: string;
  /** Days before the end of the term when its parties are reminded (default policyConfig.secondment.reminderLeadDays). */
  reminderLeadDays: number;
  initiatorId?: string;
}

export type SecondmentPhase = 'APPROVAL' | SecondmentStatus;

export interface SecondmentResult {
  caseId: string;
  status: 'COMPLETED' | 'REJECTED' | 'WITHDRAWN';
}

export const secondmentStateQuery = defineQuery<{ phase: SecondmentPhase }>('secondmentState');
