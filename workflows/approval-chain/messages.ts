/** The approval chain's contract with its parent case, the API and tests. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { StepKind } from '../../policy/approval-chains.js';
import type { FormKind } from '../../policy/forms.js';

export interface Assignee {
  unitId?: string;
  unitCode?: string;
  schoolId?: string;
}

export interface ChainStep {
  key: string;
  kind: StepKind;
  leadOnly: boolean;
  deadlineWorkingDays: number;
  assignees: Assignee[];
  /** Approving this step means filling in this form (policy/forms.ts). */
  form?: FormKind;
}

export interface ChainInput {
  caseId: string;
  /** Absent for cases a schedule opened: nobody may withdraw them, and nothing returns to an initiator. */
  initiatorId?: string;
  steps: ChainStep[];
}

export type ChainStatus = 'RUNNING' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
export type TaskStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'RETURNED' | 'CANCELLED';

export interface ChainTask {
  taskId: string;
  assignee: Assignee;
  /** Claimed by or reassigned to this official; only they (or their delegate) may decide. */
  assigneeId: string | null;
  status: TaskStatus;
  decidedBy?: string;
}

/** Form data an approval carried, in the order the approvals came. */
export interface ApprovedForm {
  stepKey: string;
  taskId: string;
  decidedBy: string;
  data: Record<string, unknown>;
}

export interface ChainSnapshot {
  caseId: string;
  status: ChainStatus;
  currentStep: { index: number; key: string; kind: StepKind; round: number; dueAt: string; overdue: boolean; tasks: ChainTask[] } | null;
  decisions: number;
  forms?: ApprovedForm[];
}

/** Who acts: the official, and when a delegate acts, the absent official whose identity routes the task. */
export interface Actor {
  officialId: string;
  onBehalfOfId?: string;
  unitCode: string | null;
  schoolId: string | null;
  isLead: boolean;
}

export type DecisionAction = 'APPROVE' | 'REJECT' | 'RETURN';

export interface DecisionInput {
  /** Client request id; also the Temporal update id, so a repeated request is applied once. */
  requestId: string;
  taskId: string;
  action: DecisionAction;
  /** 退回: to the previous step (the default) or to the initiator. */
  returnTo?: 'PREVIOUS' | 'INITIATOR';
  comment?: string;
  /** Required with APPROVE when the step has a form. */
  form?: Record<string, unknown>;
  actor: Actor;
}

export interface InitiatorInput {
  requestId: string;
  comment?: string;
  actor: Actor;
}

export interface AssignmentInput {
  requestId: string;
  taskId: string;
  kind: 'CLAIM' | 'UNCLAIM' | 'REASSIGN';
  /** REASSIGN: the official who takes the task, with their unit and school as stored. */
  target?: { officialId: string; unitCode: string | null; schoolId: string | null };
  actor: Actor;
}

/** Machine-readable reasons a message is refused before anything is written to history. */
export const Refusal = {
  caseClosed: 'CASE_CLOSED',
  stepNotOpen: 'STEP_NOT_OPEN',
  notAssigned: 'NOT_ASSIGNED',
  taskClaimed: 'TASK_CLAIMED',
  commentRequired: 'COMMENT_REQUIRED',
  notInitiator: 'NOT_INITIATOR',
  withdrawTooLate: 'WITHDRAW_TOO_LATE',
  notReturned: 'NOT_RETURNED',
  notUnitLead: 'NOT_UNIT_LEAD',
  targetOutsideUnit: 'TARGET_OUTSIDE_UNIT',
  formInvalid: 'FORM_INVALID',
  noInitiator: 'NO_INITIATOR',
  /** The database refused the record for good (e.g. text it cannot store): nothing changed, the task stays open. */
  notRecorded: 'DECISION_NOT_RECORDED',
} as const;

export const decideUpdate = defineUpdate<ChainSnapshot, [DecisionInput]>('decide');
export const withdrawUpdate = defineUpdate<ChainSnapshot, [InitiatorInput]>('withdraw');
export const resubmitUpdate = defineUpdate<ChainSnapshot, [InitiatorInput]>('resubmit');
export const assignUpdate = defineUpdate<ChainSnapshot, [AssignmentInput]>('assign');
export const chainStateQuery = defineQuery<ChainSnapshot>('chainState');

/**
 * A step's deadline recounted after the bureau entered or changed a year of the working-day
 * calendar (prisma/calendar.ts); ignored unless that step and round are still open and not overdue.
 */
export interface StepDeadline {
  stepIndex: number;
  round: number;
  dueAt: string;
  remindAt: string;
}
export const stepDeadlineSignal = defineSignal<[StepDeadline]>('stepDeadline');

/** The generic case runs chain 1; long-running cases name each chain they open (`nomination`, `score-2027`). */
export function chainWorkflowId(caseWorkflowId: string, chain: number | string = 1): string {
  return `${caseWorkflowId}:chain:${chain}`;
}
