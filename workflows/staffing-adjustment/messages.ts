/** The yearly staffing adjustment of a group (R-STAFF-ANNUAL): the proposal as the API validated it, and its outcome. */
import type { Enrolment, Quota } from '../../policy/staffing.js';

export interface StaffingAdjustmentInput {
  caseId: string;
  districtId: string;
  groupId: string;
  schoolYear: number;
  /** The group's fixed staffing total ("total control"). */
  total: number;
  /** One entry per school of the group. */
  enrolments: Enrolment[];
  initiatorId: string;
}

export interface StaffingAdjustmentResult {
  caseId: string;
  status: 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  quotas: Quota[];
}

/** Per group, school year and attempt: a rejected proposal may be followed by a new one. */
export function staffingAdjustmentWorkflowId(groupId: string, schoolYear: number, attempt: number): string {
  return `staffing-${groupId}-${schoolYear}-${attempt}`;
}
