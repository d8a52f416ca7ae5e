/**
 * Teacher exchange (交流轮岗) rules of RULES.md §3–§5, as pure functions of the facts and the policy
 * configuration, so the API, activities and workflows all decide the same way.
 */
import { localDate } from './calendar.js';
import type { PolicyConfig } from './config.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type BackboneCode = 'NONE' | 'BACKBONE' | 'TEACHING_STAR' | 'SUBJECT_LEADER' | 'SPECIAL_GRADE';
export type SchoolRoleCode = 'CORE' | 'MEMBER' | 'SUB_CORE';

type Dates = Pick<PolicyConfig, 'schoolYearStart' | 'utcOffsetMinutes'>;

/** The first day of a school year (its starting calendar year), `YYYY-MM-DD` local. */
export function schoolYearStartDate(schoolYear: number, config: Dates): string {
  const { month, day } = config.schoolYearStart;
  return `${schoolYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 00:00 Asia/Shanghai on the first day of the school year. */
export function schoolYearStartsAt(schoolYear: number, config: Dates): Date {
  return new Date(Date.parse(`${schoolYearStartDate(schoolYear, config)}T00:00:00Z`) - config.utcOffsetMinutes * 60_000);
}

/** Whole years from one date to another: 2020-09-01 → 2026-09-01 is 6, → 2026-08-31 is 5. */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const years = ty - fy;
  return tm > fm || (tm === fm && td >= fd) ? years : years - 1;
}

export interface TeacherFacts {
  id: string;
  /** `YYYY-MM-DD` */
  joinedGroupOn: string;
  graduatingClass: boolean;
  backbone: BackboneCode;
}

/** R-EXCH-ELIGIBLE: full years in the group as of the first day of the school year. */
export function fullYearsInGroup(joinedGroupOn: string, schoolYear: number, config: Dates): number {
  return fullYearsBetween(joinedGroupOn, schoolYearStartDate(schoolYear, config));
}

/** R-EXCH-ELIGIBLE: a teacher with 6 full years in the group must exchange that school year. */
export function isDueForExchange(teacher: Pick<TeacherFacts, 'joinedGroupOn'>, schoolYear: number, config: Dates & Pick<PolicyConfig, 'exchange'>): boolean {
  return fullYearsInGroup(teacher.joinedGroupOn, schoolYear, config) >= config.exchange.eligibleAfterYears;
}

/**
 * R-EXCH-ELIGIBLE: the teachers due in a school year, graduating-class (毕业班) teachers first, then
 * the longest-serving, then by id so the list is stable.
 */
export function teachersDue<T extends TeacherFacts>(teachers: readonly T[], schoolYear: number, config: Dates & Pick<PolicyConfig, 'exchange'>): T[] {
  const years = (t: T) => fullYearsInGroup(t.joinedGroupOn, schoolYear, config);
  return teachers
    .filter((t) => isDueForExchange(t, schoolYear, config))
    .sort((a, b) => Number(b.graduatingClass) - Number(a.graduatingClass) || years(b) - years(a) || a.id.localeCompare(b.id));
}

/** R-EXCH-BACKBONE: backbone teachers, teaching stars, subject leaders and special-grade teachers count. */
export function isBackbone(category: BackboneCode): boolean {
  return category !== 'NONE';
}

export interface QuotaCheck {
  groupTeacherCount: number;
  plannedCount: number;
  backboneCount: number;
  /** R-EXCH-QUOTA: the fewest teachers that meet 10 % of the group's teachers. */
  requiredCount: number;
  /** R-EXCH-BACKBONE: the fewest backbone teachers that make 50 % of those planned. */
  requiredBackbone: number;
  meetsQuota: boolean;
  meetsBackbone: boolean;
}

/** R-EXCH-QUOTA and R-EXCH-BACKBONE for one year's plan. */
export function checkQuota(groupTeacherCount: number, planned: readonly { backbone: BackboneCode }[], config: Pick<PolicyConfig, 'exchange'>): QuotaCheck {
  const backboneCount = planned.filter((p) => isBackbone(p.backbone)).length;
  // The epsilon keeps 10 % of 30 at 3 although 0.1 * 30 is 3.0000000000000004 in floating point.
  const requiredCount = Math.ceil(groupTeacherCount * config.exchange.minExchangeShare - 1e-9);
  const requiredBackbone = Math.ceil(planned.length * config.exchange.minBackboneShare - 1e-9);
  return {
    groupTeacherCount,
    plannedCount: planned.length,
    backboneCount,
    requiredCount,
    requiredBackbone,
    meetsQuota: planned.length >= requiredCount && planned.length > 0,
    meetsBackbone: backboneCount >= requiredBackbone,
  };
}

/** The school years of a term starting in `startSchoolYear` (R-EXCH-RETURN: configurable length). */
export function termSchoolYears(startSchoolYear: number, config: Pick<PolicyConfig, 'exchange'>): number[] {
  return Array.from({ length: config.exchange.termSchoolYears }, (_, i) => startSchoolYear + i);
}

/** R-EXCH-RETURN: the term ends when the school year after its last one starts. */
export function termEndsAt(startSchoolYear: number, config: Dates & Pick<PolicyConfig, 'exchange'>): Date {
  return schoolYearStartsAt(startSchoolYear + config.exchange.termSchoolYears, config);
}

/** When every party is told the term is about to end. */
export function termEndReminderAt(startSchoolYear: number, config: Dates & Pick<PolicyConfig, 'exchange'>): Date {
  return new Date(termEndsAt(startSchoolYear, config).getTime() - config.exchange.termEndReminderLeadDays * DAY_MS);
}

/** R-EVAL-UNIFIED: when the score step of one school year of a term opens (before that year ends). */
export function assessmentOpensAt(schoolYear: number, config: Dates & Pick<PolicyConfig, 'exchange'>): Date {
  return new Date(schoolYearStartsAt(schoolYear + 1, config).getTime() - config.exchange.assessmentLeadDays * DAY_MS);
}

export interface ExchangeSchools {
  from: { role: SchoolRoleCode };
  to: { role: SchoolRoleCode; weak: boolean; /** `YYYY-MM-DD` */ foundedOn: string };
}

/** R-EXCH-REFUSAL: an exchange from the core school to a member (or sub-core) school earns bonus points. */
export function isCoreToMember({ from, to }: ExchangeSchools): boolean {
  return from.role === 'CORE' && to.role !== 'CORE';
}

/**
 * R-EXCH-SUPPORT: an exchange from the core school to a weak school, or to a school founded less
 * than 3 full years before the term starts, counts as teaching-support (支教) experience.
 */
export function earnsSupportCredit(schools: ExchangeSchools, startSchoolYear: number, config: Dates & Pick<PolicyConfig, 'funding'>): boolean {
  if (schools.from.role !== 'CORE') return false;
  const young = fullYearsBetween(schools.to.foundedOn, schoolYearStartDate(startSchoolYear, config)) < config.funding.newSchoolYears;
  return schools.to.weak || young;
}

/**
 * R-EXCH-SPECIALPOST: consecutive school years at weak schools after serving `yearsServed` at the
 * destination; a year at a school that is not weak breaks the run.
 */
export function weakSchoolYearsAfter(before: number, yearsServed: number, destinationWeak: boolean): number {
  if (yearsServed === 0) return before;
  return destinationWeak ? before + yearsServed : 0;
}

/** R-EXCH-SPECIALPOST: ≥ 6 consecutive weak-school years give priority for the next title level. */
export function hasSpecialPostPriority(weakSchoolYears: number, config: Pick<PolicyConfig, 'exchange'>): boolean {
  return weakSchoolYears >= config.exchange.specialPostYears;
}

/** The chain condition that adds HR's step when a term affects title points. */
export const TITLE_POINTS_CONDITION = 'EXCHANGE_TITLE_POINTS';

/**
 * HR joins the approval when the term changes title-evaluation points: a core→member bonus
 * (R-EXCH-REFUSAL), or a term at a weak school that completes the special-post run (R-EXCH-SPECIALPOST).
 */
export function exchangeChainConditions(input: { coreToMember: boolean; destinationWeak: boolean; weakSchoolYears: number }, config: Pick<PolicyConfig, 'exchange'>): string[] {
  const reachesSpecialPost = input.destinationWeak && hasSpecialPostPriority(input.weakSchoolYears + config.exchange.termSchoolYears, config);
  return input.coreToMember || reachesSpecialPost ? [TITLE_POINTS_CONDITION] : [];
}

/** The rotation plan's chain condition: EDU must approve the written justification (R-EXCH-QUOTA, R-EXCH-BACKBONE). */
export const QUOTA_MISSED_CONDITION = 'ROTATION_QUOTA_MISSED';

/** The date of an instant in the bureau's time zone: used for `YYYY-MM-DD` facts from the database. */
export function isoDay(instant: Date, config: Pick<PolicyConfig, 'utcOffsetMinutes'>): string {
  return localDate(instant, config.utcOffsetMinutes);
}

/** R-EXCH-NEWMEMBER: how many teachers a joining member school sends to the core school; the group's own number wins. */
export function newMemberTeacherCount(groupOverride: number | null | undefined, config: Pick<PolicyConfig, 'exchange'>): number {
  return groupOverride ?? config.exchange.newMemberTeachers;
}
