/**
 * The yearly commendation round (R-AWARD-ANNUAL, "Involved: EDU, ORG"): each school nominates, its
 * group's core school endorses, EDU draws up the district list and ORG countersigns it with EDU.
 */
import { policyConfig } from '../config.js';
import { caseSchool, groupCore, unit, type ChainStepDefinition } from './types.js';

export const commendationChains = {
  COMMENDATION_NOMINATION: [
    {
      key: 'commendation-nominations',
      title: { zh: '学校推荐表彰人选', en: 'School nominations' },
      kind: 'SINGLE',
      routes: [caseSchool],
      deadlineWorkingDays: policyConfig.commendation.nominationWorkingDays,
      form: 'NOMINATIONS',
    },
  ],
  COMMENDATION_GROUP_REVIEW: [
    { key: 'commendation-group-review', title: { zh: '集团核心校审核推荐人选', en: 'Group review of nominations' }, kind: 'SINGLE', routes: [groupCore], form: 'GROUP_ENDORSEMENT' },
  ],
  COMMENDATION_DISTRICT_LIST: [
    { key: 'commendation-district-list', title: { zh: '区级表彰名单及市级推荐', en: 'District list and city recommendations' }, kind: 'SINGLE', routes: [unit('EDU')], form: 'DISTRICT_LIST' },
    { key: 'commendation-countersign', title: { zh: '区教育局、区委组织部会签', en: 'Education Bureau and Organisation Department countersign' }, kind: 'COUNTERSIGN', routes: [unit('EDU'), unit('ORG')] },
  ],
} satisfies Record<string, readonly ChainStepDefinition[]>;
