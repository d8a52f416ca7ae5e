/** A management secondment case (R-SECOND-OUT, R-SECOND-IN, R-SECOND-NEWSCHOOL): its input, result and state query. */
import { defineQuery } from '@temporalio/workflow';
import type { SecondmentRecord, SecondmentStatus } from '../../activities/secondment.js';

/** The Secondment row's facts, and what the case needs besides. */
export interface SecondmentInput extends SecondmentRecord {
  title: string;
  districtId: string;
  groupId: string;
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
