/** An expert lecture-fee claim (R-FUND-LECTURE): its input as the API validated it, and its outcome. */
export interface LectureFeeInput {
  caseId: string;
  districtId: string;
  /** The member school that claims and pays. */
  schoolId: string;
  groupId: string;
  /** The core school's backbone teacher who lectured. */
  teacherId: string;
  topic: string;
  hours: number;
  /** Rate of the lecturer's title × hours, fixed when the claim is made. */
  amountFen: number;
  schoolYear: number;
  initiatorId: string;
}

export interface LectureFeeResult {
  caseId: string;
  status: 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
}

export function lectureFeeWorkflowId(caseId: string): string {
  return `lecture-fee-${caseId}`;
}
