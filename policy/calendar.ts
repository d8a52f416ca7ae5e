/**
 * Business-calendar and school-year arithmetic in Asia/Shanghai (RULES.md "Dates").
 * Pure and deterministic, so workflows may call it.
 */
import type { BusinessCalendarData, PolicyConfig } from './config.js';

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

/** Weekends are off unless swapped (调休); listed holidays are off. */
export function isWorkingDay(isoDate: string, calendar: BusinessCalendarData): boolean {
  if (calendar.workingWeekends.includes(isoDate)) return true;
  if (calendar.holidays.includes(isoDate)) return false;
  const dow = dayOfWeek(isoDate);
  return dow !== 0 && dow !== 6;
}

/**
 * The end (24:00 local time) of the n-th working day after the day of `from`.
 * A step opened on Friday with 1 working day is due at the end of Monday.
 */
export function addWorkingDays(from: Date, workingDays: number, config: Pick<PolicyConfig, 'calendar' | 'utcOffsetMinutes'>): Date {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`workingDays must be a positive integer, got ${workingDays}`);
  let date = localDate(from, config.utcOffsetMinutes);
  for (let counted = 0; counted < workingDays; ) {
    date = nextDate(date);
    if (isWorkingDay(date, config.calendar)) counted += 1;
  }
  return new Date(Date.parse(`${nextDate(date)}T00:00:00Z`) - config.utcOffsetMinutes * 60_000);
}

/** The school year an instant belongs to, named by the calendar year it starts in (2026 = 2026–2027). */
export function schoolYearOf(instant: Date, config: Pick<PolicyConfig, 'schoolYearStart' | 'utcOffsetMinutes'>): number {
  const [year, month, day] = localDate(instant, config.utcOffsetMinutes).split('-').map(Number) as [number, number, number];
  const { month: startMonth, day: startDay } = config.schoolYearStart;
  return month > startMonth || (month === startMonth && day >= startDay) ? year : year - 1;
}
