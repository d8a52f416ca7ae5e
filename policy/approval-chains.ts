/**
 * Who approves what, as data: one table of every chain a case can run, routed to responsible
 * units (RULES.md "Actors and units"), to the case's group's core school, or to the case's own
 * school. The table is assembled from one file per policy area under `chains/`.
 */
import type { ChainStepDefinition } from './chains/types.js';
import { genericChains } from './chains/generic.js';
import { assessmentChains } from './chains/assessment.js';
import { commendationChains } from './chains/commendation.js';
import { exchangeChains } from './chains/exchange.js';
import { secondmentChains } from './chains/secondment.js';
import { groupChangeChains } from './chains/group-change.js';
import { cadreChains } from './chains/cadre.js';
import { fundingChains } from './chains/funding.js';
import { staffingChains } from './chains/staffing.js';

export * from './chains/types.js';

export const approvalChains = {
  ...genericChains,
  ...assessmentChains,
  ...commendationChains,
  ...exchangeChains,
  ...secondmentChains,
  ...groupChangeChains,
  ...cadreChains,
  ...fundingChains,
  ...staffingChains,
} satisfies Record<string, readonly ChainStepDefinition[]>;

export type ChainKey = keyof typeof approvalChains;

export function isChainKey(value: string): value is ChainKey {
  return value in approvalChains;
}

/** Case types an official starts from the generic case form (`POST /api/cases`). */
export const CHAIN_CASE_TYPES = ['GENERIC_APPROVAL', 'GENERIC_FUNDING'] as const satisfies readonly ChainKey[];
export type ChainCaseType = (typeof CHAIN_CASE_TYPES)[number];

/** How steps are named to officials (zh-CN first), from the table. */
export const stepTitles: Record<string, { zh: string; en: string }> = Object.fromEntries(
  Object.values(approvalChains).flatMap((steps: readonly ChainStepDefinition[]) => steps.map((s) => [s.key, s.title])),
);
