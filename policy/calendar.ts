/**
 * Business-calendar and school-year arithmetic in Asia/Shanghai (RULES.md "Dates").
 * Pure and deterministic, so workflows may call it.
 */
import type { PolicyConfig } from './config.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date in the bureau's time zone, as `YYYY-MM-DD`. */
export function localDate(instant: Date, utcOffsetMinutes: number): string {
  return new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

function dayOfWeek(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

function nextDate(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

/**
 * The holiday and 调休 arrangement of the years the bureau has entered (RULES.md "Dates":
 * "calendar data is configurable"). A year missing from `coveredYears` has no data at all, so its
 * days are counted by weekday only and every deadline reaching into it is provisional.
 */
export interface BusinessCalendar {
  coveredYears: ReadonlySet<number>;
  /** Public holidays, `YYYY-MM-DD` in Asia/Shanghai. */
  holidays: ReadonlySet<string>;
  /** Weekend days made working days (调休), `YYYY-MM-DD` in Asia/Shanghai. */
  workingWeekends: ReadonlySet<string>;
}

export function businessCalendar(data: { coveredYears: Iterable<number>; holidays: Iterable<string>; workingWeekends: Iterable<string> }): BusinessCalendar {
  return { coveredYears: new Set(data.coveredYears), holidays: new Set(data.holidays), workingWeekends: new Set(data.workingWeekends) };
}

/** Weekends are off unless swapped (调休); listed holidays are off. */
export function isWorkingDay(isoDate: string, calendar: BusinessCalendar): boolean {
  if (calendar.workingWeekends.has(isoDate)) return true;
  if (calendar.holidays.has(isoDate)) return false;
  const dow = dayOfWeek(isoDate);
  return dow !== 0 && dow !== 6;
}

export interface Deadline {
  dueAt: Date;
  /** Some day counted lies in a year without calendar data: the deadline may move once it is entered. */
  provisional: boolean;
  /** Those years, ascending. */
  uncoveredYears: number[];
}

/**
 * The end (24:00 local time) of the n-th working day after the day of `from`.
 * A step opened on Friday with 1 working day is due at the end of Monday.
 */
export function workingDayDeadline(from: Date, workingDays: number, calendar: BusinessCalendar, utcOffsetMinutes: number): Deadline {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`workingDays must be a positive integer, got ${workingDays}`);
  let date = localDate(from, utcOffsetMinutes);
  const uncovered = new Set<number>();
  for (let counted = 0; counted < workingDays; ) {
    date = nextDate(date);
    if (!calendar.coveredYears.has(yearOf(date))) uncovered.add(yearOf(date));
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  const dueAt = new Date(Date.parse(`${nextDate(date)}T00:00:00Z`) - utcOffsetMinutes * 60_000);
  return { dueAt, provisional: uncovered.size > 0, uncoveredYears: [...uncovered].sort((a, b) => a - b) };
}

export function addWorkingDays(from: Date, workingDays: number, calendar: BusinessCalendar, utcOffsetMinutes: number): Date {
  return workingDayDeadline(from, workingDays, calendar, utcOffsetMinutes).dueAt;
}

export interface CalendarCoverage {
  /** Today in Asia/Shanghai. */
  today: string;
  /** The last day of the unbroken run of covered years from this year on; null when this year has no data. */
  coveredUntil: string | null;
  /** Days from today to `coveredUntil`, 0 when this year has no data. */
  daysCovered: number;
  /** This year when missing; next year when missing and the warning season has begun. */
  missingYears: number[];
  warning: boolean;
}

/**
 * How far the entered calendar reaches. From `warnFrom` (default 1 October, when the State Council
 * usually publishes the next year's arrangement) a missing next year is a warning, so the bureau
 * enters it before deadlines start counting through it.
 */
export function calendarCoverage(now: Date, calendar: BusinessCalendar, utcOffsetMinutes: number, warnFrom = { month: 10, day: 1 }): CalendarCoverage {
  const today = localDate(now, utcOffsetMinutes);
  const year = yearOf(today);
  let last = year - 1;
  while (calendar.coveredYears.has(last + 1)) last += 1;
  const coveredUntil = last >= year ? `${last}-12-31` : null;
  const daysCovered = coveredUntil ? Math.round((Date.parse(`${coveredUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS) + 1 : 0;
  const [, month, day] = today.split('-').map(Number) as [number, number, number];
  const inSeason = month > warnFrom.month || (month === warnFrom.month && day >= warnFrom.day);
  const missingYears = [...(calendar.coveredYears.has(year) ? [] : [year]), ...(inSeason && !calendar.coveredYears.has(year + 1) ? [year + 1] : [])];
  return { today, coveredUntil, daysCovered, missingYears, warning: missingYears.length > 0 };
}

/** The school year an instant belongs to, named by the calendar year it starts in (2026 = 2026–2027). */
export function schoolYearOf(instant: Date, config: Pick<PolicyConfig, 'schoolYearStart' | 'utcOffsetMinutes'>): number {
  const [year, month, day] = localDate(instant, config.utcOffsetMinutes).split('-').map(Number) as [number, number, number];
  const { month: startMonth, day: startDay } = config.schoolYearStart;
  return month > startMonth || (month === startMonth && day >= startDay) ? year : year - 1;
}
