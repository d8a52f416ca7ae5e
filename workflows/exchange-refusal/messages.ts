/** The refusal case (R-EXCH-REFUSAL): a home school declares that a teacher due for exchange refuses. */
export interface ExchangeRefusalInput {
  teacherId: string;
  /** The school year the teacher was due to exchange in. */
  schoolYear: number;
  reason: string;
  /** Given when the API created the case row first. */
  caseId?: string;
  initiatorId: string;
}

export interface ExchangeRefusalResult {
  caseId: string;
  status: 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  /** The title-evaluation points deducted (0 unless approved). */
  deductedPoints: number;
}

/** One refusal per teacher and school year: a second declaration finds the first. */
export function exchangeRefusalWorkflowId(teacherId: string, schoolYear: number): string {
  return `exchange-refusal-${teacherId}-${schoolYear}`;
}
