/** Money cases (RULES.md "Funding"): EDU decides, then FIN confirms what is paid (R-FUND-*: "Approvers: EDU, FIN"). */
import { unit, type ChainStepDefinition } from './types.js';

export const fundingChains = {
  // R-FUND-NEWSCHOOL, R-FUND-RESERVE: one run per subsidy year; FIN confirms the per-campus amount and the payment date.
  NEW_SCHOOL_SUBSIDY: [
    { key: 'funding-subsidy-edu', title: { zh: '区教育局审核年度新校经费', en: "Education Bureau reviews the year's new-school funds" }, kind: 'SINGLE', routes: [unit('EDU')] },
    { key: 'funding-subsidy-fin', title: { zh: '区财政局确认拨付金额与日期', en: 'Finance Bureau confirms the amounts and payment date' }, kind: 'SINGLE', routes: [unit('FIN')], form: 'SUBSIDY_PAYMENT' },
  ],
  // R-FUND-LECTURE
  LECTURE_FEE: [
    { key: 'funding-lecture-edu', title: { zh: '区教育局审核专家讲课费', en: 'Education Bureau reviews the lecture fee' }, kind: 'SINGLE', routes: [unit('EDU')] },
    { key: 'funding-lecture-fin', title: { zh: '区财政局审核专家讲课费', en: 'Finance Bureau approves the lecture fee' }, kind: 'SINGLE', routes: [unit('FIN')] },
  ],
} satisfies Record<string, readonly ChainStepDefinition[]>;
