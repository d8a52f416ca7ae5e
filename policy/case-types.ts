/** Every case type the product runs, as officials read it (zh-CN first). Matches the database's CaseType. */
export const CASE_TYPES = [
  'GENERIC_APPROVAL',
  'GENERIC_FUNDING',
  'TEACHER_EXCHANGE',
  'EXCHANGE_REFUSAL',
  'ROTATION_PLAN',
  'GROUP_ASSESSMENT',
  'NEW_SCHOOL_SUBSIDY',
  'COMMENDATION_ROUND',
  'SECONDMENT',
  'GROUP_CHANGE',
  'STAFFING_ADJUSTMENT',
  'LECTURE_FEE',
  'CADRE_PLACEMENT',
] as const;
export type CaseTypeCode = (typeof CASE_TYPES)[number];

export const caseTypeTitles: Record<CaseTypeCode, { zh: string; en: string }> = {
  GENERIC_APPROVAL: { zh: '一般事项审批', en: 'General approval' },
  GENERIC_FUNDING: { zh: '经费事项审批', en: 'Funding approval' },
  TEACHER_EXCHANGE: { zh: '教师交流轮岗', en: 'Teacher exchange term' },
  EXCHANGE_REFUSAL: { zh: '拒不交流认定', en: 'Exchange refusal' },
  ROTATION_PLAN: { zh: '年度交流轮岗计划', en: 'Yearly rotation plan' },
  GROUP_ASSESSMENT: { zh: '集团年度考核', en: 'Group assessment' },
  NEW_SCHOOL_SUBSIDY: { zh: '新建学校经费保障', en: 'New-school subsidy period' },
  COMMENDATION_ROUND: { zh: '集团化办学表彰推荐', en: 'Commendation round' },
  SECONDMENT: { zh: '管理团队派驻', en: 'Management secondment' },
  GROUP_CHANGE: { zh: '集团结构调整', en: 'Group structure change' },
  STAFFING_ADJUSTMENT: { zh: '年度编制调整', en: 'Yearly staffing adjustment' },
  LECTURE_FEE: { zh: '专家讲课费', en: 'Expert lecture fee' },
  CADRE_PLACEMENT: { zh: '干部跟岗锻炼', en: 'Cadre shadow placement' },
};
