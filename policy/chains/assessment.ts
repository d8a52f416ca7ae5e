/**
 * The yearly group assessment (R-ASSESS-ANNUAL) and, every third year, the full review
 * (R-REVIEW-3Y): the core school submits the group's self-assessment, EDU scores it and proposes
 * the tier (R-TIER-DYNAMIC), an EDU lead approves. The case raises `ANNUAL` or `FULL_REVIEW` to pick
 * the tier form: the full review also records size and structure findings (R-GROUP-SIZE).
 */
import { policyConfig } from '../config.js';
import { groupCore, unit, type ChainStepDefinition } from './types.js';

export const assessmentChains = {
  GROUP_ASSESSMENT: [
    {
      key: 'assessment-self-assessment',
      title: { zh: '集团自评报告', en: 'Group self-assessment' },
      kind: 'SINGLE',
      routes: [groupCore],
      deadlineWorkingDays: policyConfig.assessment.selfAssessmentWorkingDays,
      form: 'SELF_ASSESSMENT',
    },
    { key: 'assessment-score', title: { zh: '区教育局考核评分', en: 'Education Bureau score' }, kind: 'SINGLE', routes: [unit('EDU')], form: 'ASSESSMENT_SCORE' },
    { key: 'assessment-tier-annual', title: { zh: '集团层级调整意见', en: 'Tier decision' }, kind: 'SINGLE', routes: [unit('EDU')], form: 'TIER_DECISION', onlyWhen: 'ANNUAL' },
    {
      key: 'assessment-tier-full-review',
      title: { zh: '三年全面评估：规模结构与层级调整', en: 'Full review: size, structure and tier' },
      kind: 'SINGLE',
      routes: [unit('EDU')],
      form: 'TIER_DECISION_FULL_REVIEW',
      onlyWhen: 'FULL_REVIEW',
    },
    { key: 'assessment-tier-approval', title: { zh: '区教育局负责人审定', en: 'Education Bureau lead approves' }, kind: 'SINGLE', routes: [unit('EDU')], leadOnly: true },
  ],
} satisfies Record<string, readonly ChainStepDefinition[]>;
