/** R-CADRE-FLAGSHIP: who may be placed to shadow at a city flagship school (跟岗锻炼). */
export const CADRE_CATEGORIES = ['CADRE', 'RESERVE_CADRE', 'YOUNG_TEACHER'] as const;
export type CadreCategory = (typeof CADRE_CATEGORIES)[number];

export const cadreCategoryTitles: Record<CadreCategory, { zh: string; en: string }> = {
  CADRE: { zh: '干部', en: 'Cadre' },
  RESERVE_CADRE: { zh: '后备干部', en: 'Reserve cadre' },
  YOUNG_TEACHER: { zh: '青年教师', en: 'Young teacher' },
};
