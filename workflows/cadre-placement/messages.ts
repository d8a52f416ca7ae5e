/** A cadre shadow placement case (R-CADRE-FLAGSHIP): input, result, state query. */
import { defineQuery } from '@temporalio/workflow';
import type { CadrePlacementStatus } from '../../activities/cadre.js';
import type { CadreCategory } from '../../policy/cadre.js';

export interface CadrePlacementInput {
  caseId: string;
  title: string;
  districtId: string;
  candidateName: string;
  category: CadreCategory;
  teacherId?: string;
  /** The city flagship school (市级名校) the candidate shadows at; outside the district's data, so by name. */
  flagshipSchool: string;
  /** `YYYY-MM-DD`, Asia/Shanghai: the first and the last day of the placement. */
  startsOn: string;
  endsOn: string;
  /** Days before the end of the placement when its parties are reminded (default policyConfig.cadrePlacement.reminderLeadDays). */
  reminderLeadDays: number;
  initiatorId?: string;
}

export type CadrePlacementPhase = 'APPROVAL' | CadrePlacementStatus;

export interface CadrePlacementResult {
  caseId: string;
  status: 'COMPLETED' | 'REJECTED' | 'WITHDRAWN';
  deployedToSchoolId?: string;
}

export const cadrePlacementStateQuery = defineQuery<{ phase: CadrePlacementPhase }>('cadrePlacementState');
