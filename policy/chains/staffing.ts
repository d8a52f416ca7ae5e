/** R-STAFF-ANNUAL: the yearly staffing adjustment ("Approvers: STAFF, HR, EDU"). */
import { unit, type ChainStepDefinition } from './types.js';

export const staffingChains = {
  STAFFING_ADJUSTMENT: [
    { key: 'staffing-staff', title: { zh: '区委编办审核编制调整', en: 'Staffing Office reviews the quotas' }, kind: 'SINGLE', routes: [unit('STAFF')] },
    { key: 'staffing-hr', title: { zh: '区人社局审核', en: 'Human Resources Bureau review' }, kind: 'SINGLE', routes: [unit('HR')] },
    { key: 'staffing-edu', title: { zh: '区教育局审批编制调整', en: 'Education Bureau approves the quotas' }, kind: 'SINGLE', routes: [unit('EDU')] },
  ],
} satisfies Record<string, readonly ChainStepDefinition[]>;
