/** The yearly rotation plan's contract with the API, the yearly Schedule and tests. */
import { defineQuery } from '@temporalio/workflow';
import type { PlanCheck, PlanEntry } from '../../activities/exchange.js';

/** Minimal and self-sufficient, so a Temporal Schedule can start it: the workflow opens its own case. */
export interface RotationPlanInput {
  groupId: string;
  /** The school year (its starting calendar year) the plan is for. */
  schoolYear: number;
  /** Informational: the group's district is read from the group itself. */
  districtId?: string;
  /** Given when the API created the case row first. */
  caseId?: string;
  /** Absent when a schedule started the plan. */
  initiatorId?: string;
}

export type PlanPhase = 'PROPOSING' | 'APPROVING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

export interface PlanState {
  caseId: string | null;
  phase: PlanPhase;
  groupId: string;
  schoolYear: number;
  teacherCount: number;
  /** R-EXCH-ELIGIBLE: due teachers, graduating-class teachers first. */
  due: { id: string; name: string; homeSchoolId: string; graduatingClass: boolean; backbone: string }[];
  proposalRound: number;
  entries: PlanEntry[];
  justification: string | null;
  check: PlanCheck | null;
  /** Term workflows this plan started (or found already started). */
  terms: { teacherId: string; workflowId: string; alreadyStarted: boolean }[];
}

export interface RotationPlanResult {
  caseId: string;
  phase: PlanPhase;
  terms: PlanState['terms'];
}

export const planStateQuery = defineQuery<PlanState>('planState');

/** One plan per group and school year: a schedule firing twice finds the running plan. */
export function rotationPlanWorkflowId(groupId: string, schoolYear: number): string {
  return `rotation-plan-${groupId}-${schoolYear}`;
}
