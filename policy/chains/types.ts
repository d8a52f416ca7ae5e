/** The vocabulary of chain definitions, shared by the files under `chains/`. */
import type { FormKind } from '../forms.js';

export const UNIT_CODES = ['EDU', 'ORG', 'HR', 'FIN', 'STAFF', 'DRC', 'TASKFORCE'] as const;
export type UnitCode = (typeof UNIT_CODES)[number];

/** Overdue steps escalate to the leading group's task-force office (工作专班). */
export const ESCALATION_UNIT: UnitCode = 'TASKFORCE';

/** A government unit; the core school of the case's group; or the case's own school (a member school). */
export type StepRoute = { kind: 'unit'; unit: UnitCode } | { kind: 'groupCore' } | { kind: 'caseSchool' };

/** SINGLE: one approver; COUNTERSIGN (会签): every route approves; ANY_OF (或签): the first decision decides. */
export type StepKind = 'SINGLE' | 'COUNTERSIGN' | 'ANY_OF';

export interface ChainStepDefinition {
  key: string;
  title: { zh: string; en: string };
  kind: StepKind;
  routes: readonly StepRoute[];
  /** A role inside the unit: only the unit's leads may decide. */
  leadOnly?: boolean;
  /** Overrides policyConfig.approval.stepDeadlineWorkingDays. */
  deadlineWorkingDays?: number;
  /** Approving means filling in this form (policy/forms.ts). */
  form?: FormKind;
  /** The step is part of the chain only when the case raises this condition (e.g. HR when title points are affected). */
  onlyWhen?: string;
}

export const unit = (code: UnitCode): StepRoute => ({ kind: 'unit', unit: code });
export const groupCore: StepRoute = { kind: 'groupCore' };
export const caseSchool: StepRoute = { kind: 'caseSchool' };

