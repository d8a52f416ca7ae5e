/**
 * Who approves what, as data: each case type's chain of steps, routed to responsible units
 * (RULES.md "Actors and units") or to a school of the case's group.
 */
export const UNIT_CODES = ['EDU', 'ORG', 'HR', 'FIN', 'STAFF', 'DRC', 'TASKFORCE'] as const;
export type UnitCode = (typeof UNIT_CODES)[number];

/** Overdue steps escalate to the leading group's task-force office (工作专班). */
export const ESCALATION_UNIT: UnitCode = 'TASKFORCE';

export type StepRoute = { kind: 'unit'; unit: UnitCode } | { kind: 'groupCore' };

/** SINGLE: one approver; COUNTERSIGN (会签): every route approves; ANY_OF (或签): the first decision decides. */
export type StepKind = 'SINGLE' | 'COUNTERSIGN' | 'ANY_OF';

export interface ChainStepDefinition {
  key: string;
  kind: StepKind;
  routes: readonly StepRoute[];
  /** A role inside the unit: only the unit's leads may decide. */
  leadOnly?: boolean;
  /** Overrides policyConfig.approval.stepDeadlineWorkingDays. */
  deadlineWorkingDays?: number;
}

export const CHAIN_CASE_TYPES = ['GENERIC_APPROVAL', 'GENERIC_FUNDING'] as const;
export type ChainCaseType = (typeof CHAIN_CASE_TYPES)[number];

const unit = (code: UnitCode): StepRoute => ({ kind: 'unit', unit: code });

export const approvalChains: Record<ChainCaseType, readonly ChainStepDefinition[]> = {
  // A member school's request: its group's core school reviews first, then the bureau decides.
  GENERIC_APPROVAL: [
    { key: 'group-core-review', kind: 'SINGLE', routes: [{ kind: 'groupCore' }] },
    { key: 'edu-approval', kind: 'SINGLE', routes: [unit('EDU')] },
  ],
  // A request for money: the core school reviews, EDU and FIN countersign (R-FUND-*: "Approvers: EDU, FIN").
  GENERIC_FUNDING: [
    { key: 'group-core-review', kind: 'SINGLE', routes: [{ kind: 'groupCore' }] },
    { key: 'edu-fin-countersign', kind: 'COUNTERSIGN', routes: [unit('EDU'), unit('FIN')] },
  ],
};

/** How steps and case types are named to officials (zh-CN first). */
export const stepTitles: Record<string, { zh: string; en: string }> = {
  'group-core-review': { zh: '集团核心校审核', en: 'Core school review' },
  'edu-approval': { zh: '区教育局审批', en: 'Education Bureau approval' },
  'edu-fin-countersign': { zh: '区教育局、区财政局会签', en: 'Education and Finance Bureaus countersign' },
};

export const caseTypeTitles: Record<string, { zh: string; en: string }> = {
  GENERIC_APPROVAL: { zh: '一般事项审批', en: 'General approval' },
  GENERIC_FUNDING: { zh: '经费事项审批', en: 'Funding approval' },
};
