/**
 * Teacher exchange chains (R-EXCH-*, R-EVAL-UNIFIED): the term's nomination, its yearly score, the
 * return, an early end, a refusal, the group's yearly rotation plan and
 * the teachers a new member school sends.
 */
import { QUOTA_MISSED_CONDITION, TITLE_POINTS_CONDITION } from '../exchange.js';
import { caseSchool, groupCore, unit, type ChainStepDefinition } from './types.js';

export const exchangeChains = {
  // The home school releases the teacher, the core school agrees, EDU approves; HR only when title points move.
  EXCHANGE_TERM: [
    { key: 'exchange-home-school', title: { zh: '派出学校同意', en: 'Home school releases the teacher' }, kind: 'SINGLE', routes: [caseSchool] },
    { key: 'exchange-group-core', title: { zh: '集团核心校审核', en: 'Core school review of the exchange' }, kind: 'SINGLE', routes: [groupCore] },
    { key: 'exchange-edu-approval', title: { zh: '区教育局审批交流', en: 'Education Bureau approves the exchange' }, kind: 'SINGLE', routes: [unit('EDU')] },
    { key: 'exchange-hr-title-points', title: { zh: '区人社局职称积分审核', en: 'HR Bureau reviews the title points' }, kind: 'SINGLE', routes: [unit('HR')], onlyWhen: TITLE_POINTS_CONDITION },
  ],
  // R-EVAL-UNIFIED: routed to the destination school, where the teacher served the year.
  EXCHANGE_YEAR_SCORE: [
    { key: 'exchange-year-score', title: { zh: '交流教师年度考核评分', en: "Exchange teacher's yearly score" }, kind: 'SINGLE', routes: [caseSchool], form: 'TEACHER_SCORE' },
  ],
  // R-EXCH-RETURN: routed to the home school, which confirms the teacher is back.
  EXCHANGE_RETURN: [
    { key: 'exchange-return-confirmation', title: { zh: '交流期满回原校确认', en: 'Home school confirms the return' }, kind: 'SINGLE', routes: [caseSchool], form: 'EXCHANGE_RETURN' },
  ],
  EXCHANGE_EARLY_END: [
    { key: 'exchange-early-end-edu', title: { zh: '区教育局审批提前终止交流', en: 'Education Bureau approves ending the term early' }, kind: 'SINGLE', routes: [unit('EDU')] },
  ],
  // R-EXCH-REFUSAL: declared by the home school; the deduction is a title-point matter, so HR always reviews.
  EXCHANGE_REFUSAL: [
    { key: 'exchange-refusal-group-core', title: { zh: '集团核心校核实拒不交流', en: 'Core school verifies the refusal' }, kind: 'SINGLE', routes: [groupCore] },
    { key: 'exchange-refusal-edu', title: { zh: '区教育局认定拒不交流', en: 'Education Bureau confirms the refusal' }, kind: 'SINGLE', routes: [unit('EDU')] },
    { key: 'exchange-refusal-hr', title: { zh: '区人社局记录职称评审扣分', en: 'HR Bureau records the title-point deduction' }, kind: 'SINGLE', routes: [unit('HR')] },
  ],
  // R-EXCH-ELIGIBLE: the core school lists who goes where.
  ROTATION_PLAN_PROPOSAL: [
    { key: 'rotation-plan-proposal', title: { zh: '集团核心校编制年度交流计划', en: 'Core school proposes the rotation plan' }, kind: 'SINGLE', routes: [groupCore], form: 'ROTATION_PLAN' },
  ],
  // R-EXCH-QUOTA, R-EXCH-BACKBONE: a plan below a quota needs a bureau lead's explicit approval of its justification.
  ROTATION_PLAN_APPROVAL: [
    { key: 'rotation-plan-justification', title: { zh: '区教育局负责人审批未达比例说明', en: 'Education Bureau lead approves the quota justification' }, kind: 'SINGLE', routes: [unit('EDU')], leadOnly: true, onlyWhen: QUOTA_MISSED_CONDITION },
    { key: 'rotation-plan-edu-approval', title: { zh: '区教育局审批年度交流计划', en: 'Education Bureau approves the rotation plan' }, kind: 'SINGLE', routes: [unit('EDU')] },
  ],
  // R-EXCH-NEWMEMBER: the joining member school names its teachers; the workflow checks the list before anyone approves it.
  NEW_MEMBER_EXCHANGE_TEACHERS: [
    { key: 'new-member-exchange-teachers', title: { zh: '新成员校确定派出教师', en: 'New member school names the teachers it sends' }, kind: 'SINGLE', routes: [caseSchool], form: 'NEW_MEMBER_TEACHERS' },
  ],
  // R-EXCH-NEWMEMBER: the core school receiving them confirms, EDU approves.
  NEW_MEMBER_EXCHANGE_APPROVAL: [
    { key: 'new-member-exchange-group-core', title: { zh: '集团核心校确认接收', en: 'Core school confirms it receives them' }, kind: 'SINGLE', routes: [groupCore] },
    { key: 'new-member-exchange-edu', title: { zh: '区教育局审批新成员校教师派出', en: "Education Bureau approves the new member's exchange" }, kind: 'SINGLE', routes: [unit('EDU')] },
  ],
} satisfies Record<string, readonly ChainStepDefinition[]>;
