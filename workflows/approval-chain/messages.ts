/** The approval chain's contract with its parent case, the API and tests. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { StepKind } from '../../policy/approval-chains.js';

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
}

export interface ChainInput {
  caseId: string;
  initiatorId: string;
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

export interface ChainSnapshot {
  caseId: string;
  status: ChainStatus;
  currentStep: { index: number; key: string; kind: StepKind; round: number; dueAt: string; overdue: boolean; tasks: ChainTask[] } | null;
  decisions: number;
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
} as const;

export const decideUpdate = defineUpdate<ChainSnapshot, [DecisionInput]>('decide');
export const withdrawUpdate = defineUpdate<ChainSnapshot, [InitiatorInput]>('withdraw');
export const resubmitUpdate = defineUpdate<ChainSnapshot, [InitiatorInput]>('resubmit');
export const assignUpdate = defineUpdate<ChainSnapshot, [AssignmentInput]>('assign');
export const chainStateQuery = defineQuery<ChainSnapshot>('chainState');

export function chainWorkflowId(caseWorkflowId: string, attempt = 1): string {
  return `${caseWorkflowId}:chain:${attempt}`;
}
