/**
 * Management secondments (R-SECOND-OUT, R-SECOND-IN: "Approvers: ORG, EDU"; R-SECOND-NEWSCHOOL:
 * "Approvers: ORG, HR, EDU"). In that order: ORG, which owns cadre postings, agrees to the team;
 * HR sets the new-school pay rate; EDU, the default final approver, decides last.
 */
import { unit, type ChainStepDefinition } from './types.js';

/** Raised by a new-school secondment: its team is paid at the member school's principal / vice-principal rate. */
export const NEW_SCHOOL_PAY_RATE = 'SECONDMENT_NEW_SCHOOL_PAY_RATE';

export const secondmentChains = {
  SECONDMENT: [
    { key: 'secondment-org-approval', title: { zh: '区委组织部审核派驻人选', en: 'Organization Department reviews the team' }, kind: 'SINGLE', routes: [unit('ORG')] },
    { key: 'secondment-hr-pay-rate', title: { zh: '区人社局核定薪酬待遇', en: 'Human Resources sets the pay rate' }, kind: 'SINGLE', routes: [unit('HR')], onlyWhen: NEW_SCHOOL_PAY_RATE },
    { key: 'secondment-edu-approval', title: { zh: '区教育局审批', en: 'Education Bureau approval' }, kind: 'SINGLE', routes: [unit('EDU')] },
  ],
} satisfies Record<string, readonly ChainStepDefinition[]>;
