/** Cadre shadow placements (R-CADRE-FLAGSHIP: "Approvers: ORG, HR, EDU"; afterwards EDU deploys them). */
import { unit, type ChainStepDefinition } from './types.js';

export const cadreChains = {
  CADRE_PLACEMENT: [
    { key: 'cadre-org-selection', title: { zh: '区委组织部确定跟岗人选', en: 'Organization Department confirms the candidate' }, kind: 'SINGLE', routes: [unit('ORG')] },
    { key: 'cadre-hr-review', title: { zh: '区人社局审核', en: 'Human Resources review' }, kind: 'SINGLE', routes: [unit('HR')] },
    { key: 'cadre-edu-approval', title: { zh: '区教育局审批', en: 'Education Bureau approval' }, kind: 'SINGLE', routes: [unit('EDU')] },
  ],
  CADRE_DEPLOYMENT: [
    { key: 'cadre-deployment-decision', title: { zh: '区教育局决定跟岗后任用', en: 'Education Bureau decides the deployment after the placement' }, kind: 'SINGLE', routes: [unit('EDU')], form: 'CADRE_DEPLOYMENT' },
  ],
} satisfies Record<string, readonly ChainStepDefinition[]>;
