/** The generic cases an official starts from the case form. */
import { groupCore, unit, type ChainStepDefinition } from './types.js';

export const genericChains = {
  // A member school's request: its group's core school reviews first, then the bureau decides.
  GENERIC_APPROVAL: [
    { key: 'group-core-review', title: { zh: '集团核心校审核', en: 'Core school review' }, kind: 'SINGLE', routes: [groupCore] },
    { key: 'edu-approval', title: { zh: '区教育局审批', en: 'Education Bureau approval' }, kind: 'SINGLE', routes: [unit('EDU')] },
  ],
  // A request for money: the core school reviews, EDU and FIN countersign (R-FUND-*: "Approvers: EDU, FIN").
  GENERIC_FUNDING: [
    { key: 'group-core-review', title: { zh: '集团核心校审核', en: 'Core school review' }, kind: 'SINGLE', routes: [groupCore] },
    { key: 'edu-fin-countersign', title: { zh: '区教育局、区财政局会签', en: 'Education and Finance Bureaus countersign' }, kind: 'COUNTERSIGN', routes: [unit('EDU'), unit('FIN')] },
  ],
} satisfies Record<string, readonly ChainStepDefinition[]>;
