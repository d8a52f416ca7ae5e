/** The approval case's contract with the API and tests: input, state, and typed messages. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export interface StepAssignee {
  unitId?: string;
  unitCode?: string;
  schoolId?: string;
}

export interface ApprovalStepInput {
  key: string;
  assignee: StepAssignee;
  deadlineWorkingDays: number;
}

export interface ApprovalCaseInput {
  caseId: string;
  steps: ApprovalStepInput[];
}

export type StepState = 'WAITING' | 'PENDING' | 'APPROVED' | 'REJECTED';
export type CaseOutcome = 'RUNNING' | 'APPROVED' | 'REJECTED';

export interface StepSnapshot {
  key: string;
  assignee: StepAssignee;
  state: StepState;
  taskId?: string;
  dueAt?: string;
  overdue: boolean;
  decidedBy?: string;
}

export interface CaseSnapshot {
  caseId: string;
  status: CaseOutcome;
  currentStepIndex: number | null;
  steps: StepSnapshot[];
}

export interface Actor {
  officialId: string;
  unitCode: string | null;
  schoolId: string | null;
}

export interface DecisionInput {
  /** Client request id; also the Temporal update id, so a repeated request is applied once. */
  requestId: string;
  taskId: string;
  action: 'APPROVE' | 'REJECT';
  comment?: string;
  actor: Actor;
}

/** Machine-readable reasons a decision is refused before anything is written to history. */
export const DecisionRefusal = {
  caseClosed: 'CASE_CLOSED',
  stepNotOpen: 'STEP_NOT_OPEN',
  notAssigned: 'NOT_ASSIGNED',
  commentRequired: 'COMMENT_REQUIRED',
} as const;

export const decideUpdate = defineUpdate<CaseSnapshot, [DecisionInput]>('decide');
export const caseStateQuery = defineQuery<CaseSnapshot>('caseState');
