/**
 * Who approves what, as data: each case type's chain of steps, routed to a responsible unit
 * (RULES.md "Actors and units") or to a school of the case's group.
 */
export const UNIT_CODES = ['EDU', 'ORG', 'HR', 'FIN', 'STAFF', 'DRC', 'TASKFORCE'] as const;
export type UnitCode = (typeof UNIT_CODES)[number];

/** Overdue steps escalate to the leading group's task-force office (工作专班). */
export const ESCALATION_UNIT: UnitCode = 'TASKFORCE';

export type StepRoute = { kind: 'unit'; unit: UnitCode } | { kind: 'groupCore' };

export interface ChainStepDefinition {
  key: string;
  route: StepRoute;
}

export const CHAIN_CASE_TYPES = ['GENERIC_APPROVAL'] as const;
export type ChainCaseType = (typeof CHAIN_CASE_TYPES)[number];

export const approvalChains: Record<ChainCaseType, readonly ChainStepDefinition[]> = {
  // A member school's request: its group's core school reviews first, then the bureau decides.
  GENERIC_APPROVAL: [
    { key: 'group-core-review', route: { kind: 'groupCore' } },
    { key: 'edu-approval', route: { kind: 'unit', unit: 'EDU' } },
  ],
};
