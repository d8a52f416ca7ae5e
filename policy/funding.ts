/**
 * The money rules of the policy (RULES.md "Funding"), as pure integer arithmetic in fen so that
 * workflows, the API and tests compute the same amounts. Never floats for money.
 */
import type { PolicyConfig } from './config.js';

type Funding = PolicyConfig['funding'];
type Clock = Pick<PolicyConfig, 'utcOffsetMinutes' | 'schoolYearStart'>;
export type ProfessionalTitle = keyof Funding['lectureFeeFenPerHour'];

const DAY_MS = 24 * 60 * 60 * 1000;
const BASIS_POINTS = 10_000;

/** A share such as 0.4 as whole basis points, so money is multiplied by integers only. */
function basisPoints(share: number): number {
  return Math.round(share * BASIS_POINTS);
}

/**
 * R-FUND-NEWSCHOOL / R-FUND-RESERVE / R-EXCH-SUPPORT: a school counts as new while less than
 * `newSchoolYears` years have passed since it was founded.
 */
export function isNewSchool(foundedOn: Date, at: Date, funding: Pick<Funding, 'newSchoolYears'>): boolean {
  const anniversary = new Date(foundedOn);
  anniversary.setUTCFullYear(anniversary.getUTCFullYear() + funding.newSchoolYears);
  return at.getTime() >= foundedOn.getTime() && at.getTime() < anniversary.getTime();
}

/** R-FUND-RESERVE: 40 % of one member school's yearly funding standard, rounded down to the fen. */
export function reserveFen(funding: Pick<Funding, 'memberSchoolStandardFen' | 'reserveShare'>): number {
  return Math.floor((funding.memberSchoolStandardFen * basisPoints(funding.reserveShare)) / BASIS_POINTS);
}

export interface CampusRef {
  /** Null for a school without campus records: the school itself is its one campus. */
  campusId: string | null;
}

export interface YearAllocation {
  kind: 'NEW_SCHOOL_CAMPUS' | 'NEW_SCHOOL_RESERVE';
  campusId: string | null;
  amountFen: number;
}

/**
 * R-FUND-NEWSCHOOL + R-FUND-RESERVE: one year's money for a new school: per campus at least the
 * policy minimum (paid to the core school), plus the reserved operating subsidy.
 */
export function subsidyYearAllocations(campuses: readonly CampusRef[], perCampusFen: number, funding: Funding): YearAllocation[] {
  if (!Number.isInteger(perCampusFen) || perCampusFen < funding.newSchoolMinPerCampusFen) {
    throw new RangeError(`perCampusFen must be an integer of at least ${funding.newSchoolMinPerCampusFen}, got ${perCampusFen}`);
  }
  const sites = campuses.length > 0 ? campuses : [{ campusId: null }];
  return [
    ...sites.map((c) => ({ kind: 'NEW_SCHOOL_CAMPUS' as const, campusId: c.campusId, amountFen: perCampusFen })),
    { kind: 'NEW_SCHOOL_RESERVE' as const, campusId: null, amountFen: reserveFen(funding) },
  ];
}

/** Ledger rows are written once per school, school year, campus and kind, however often retried. */
export function subsidyDedupeKey(schoolId: string, schoolYear: number, allocation: Pick<YearAllocation, 'kind' | 'campusId'>): string {
  return `NEW_SCHOOL:${schoolId}:${schoolYear}:${allocation.campusId ?? 'school'}:${allocation.kind}`;
}

/** Midnight Asia/Shanghai of a local calendar date, as an instant. */
function localMidnight(year: number, month: number, day: number, offsetMinutes: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - offsetMinutes * 60_000);
}

/** The first moment of a school year (named by the calendar year it starts in). */
export function schoolYearStartsAt(schoolYear: number, config: Clock): Date {
  return localMidnight(schoolYear, config.schoolYearStart.month, config.schoolYearStart.day, config.utcOffsetMinutes);
}

/** R-FUND-NEWSCHOOL: the yearly payment date of a school year, as `YYYY-MM-DD` (configurable default). */
export function defaultPaymentDate(schoolYear: number, funding: Pick<Funding, 'paymentDate'>): string {
  const { month, day } = funding.paymentDate;
  return `${schoolYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 00:00 local time of a payment date `YYYY-MM-DD`. */
export function paymentDayStartsAt(paymentDate: string, config: Pick<PolicyConfig, 'utcOffsetMinutes'>): Date {
  const [y, m, d] = paymentDate.split('-').map(Number) as [number, number, number];
  return localMidnight(y, m, d, config.utcOffsetMinutes);
}

/** When FIN is reminded of a payment: the configured number of days before the payment date starts. */
export function paymentReminderAt(paymentDate: string, config: Pick<PolicyConfig, 'utcOffsetMinutes' | 'funding'>): Date {
  return new Date(paymentDayStartsAt(paymentDate, config).getTime() - config.funding.paymentReminderLeadDays * DAY_MS);
}

/** R-FUND-LECTURE: rate by the lecturer's title × whole teaching hours, in fen. */
export function lectureFeeFen(title: ProfessionalTitle, hours: number, funding: Pick<Funding, 'lectureFeeFenPerHour' | 'lectureMaxHoursPerClaim'>): number {
  if (!Number.isInteger(hours) || hours < 1 || hours > funding.lectureMaxHoursPerClaim) {
    throw new RangeError(`hours must be a whole number from 1 to ${funding.lectureMaxHoursPerClaim}, got ${hours}`);
  }
  return funding.lectureFeeFenPerHour[title] * hours;
}

/** R-FUND-LECTURE: only a backbone teacher (any category) of the group's core school may be paid. */
export function isCoreBackbone(teacher: { currentSchoolId: string; backbone: string }, coreSchoolId: string): boolean {
  return teacher.currentSchoolId === coreSchoolId && teacher.backbone !== 'NONE';
}
