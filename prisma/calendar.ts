/**
 * The working-day calendar as data (RULES.md "Dates"; issue 14 point 1): the one place that reads
 * it for deadlines, and the seed from a maintained dataset for the years that dataset has.
 */
import { createRequire } from 'node:module';
import { businessCalendar, workingDayDeadline, type BusinessCalendar, type Deadline } from '../policy/calendar.js';
import type { Db } from './client.js';

export type CalendarDayKind = 'HOLIDAY' | 'WORKING_DAY';
export interface CalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

interface DatasetFile {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);
const datasetVersion = (require('chinese-days/package.json') as { version: string }).version;
/** Named in `CalendarYear.source`, so the bureau sees which years it has not checked itself. */
export const DATASET_SOURCE = `chinese-days@${datasetVersion}`;

/** The dataset's entries, by year: `"Spring Festival,春节,4"` → name 春节. */
export function datasetYears(): Map<number, CalendarDayInput[]> {
  const data = require('chinese-days/dist/chinese-days.json') as DatasetFile;
  const years = new Map<number, CalendarDayInput[]>();
  const add = (date: string, kind: CalendarDayKind, label: string) => {
    const year = Number(date.slice(0, 4));
    const list = years.get(year) ?? [];
    list.push({ date, kind, name: label.split(',')[1] ?? '' });
    years.set(year, list);
  };
  for (const [date, label] of Object.entries(data.holidays)) add(date, 'HOLIDAY', label);
  for (const [date, label] of Object.entries(data.workdays)) add(date, 'WORKING_DAY', label);
  for (const list of years.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return years;
}

/**
 * Adds every year the dataset has and the database lacks. A year the bureau entered or changed is
 * never overwritten; concurrent callers (API and workers starting together) insert a year once.
 */
export async function seedCalendar(db: Db): Promise<number[]> {
  const have = new Set((await db.calendarYear.findMany({ select: { year: true } })).map((y) => y.year));
  const added: number[] = [];
  for (const [year, days] of datasetYears()) {
    if (have.has(year)) continue;
    const inserted = await db.$transaction(async (tx) => {
      const rows = await tx.$executeRaw`INSERT INTO "CalendarYear" ("year", "source") VALUES (${year}, ${DATASET_SOURCE}) ON CONFLICT DO NOTHING`;
      if (rows === 0) return false;
      await tx.calendarDay.createMany({ data: days.map((d) => ({ ...d, year })) });
      return true;
    });
    if (inserted) added.push(year);
  }
  return added;
}

export interface CalendarStore {
  load(): Promise<BusinessCalendar>;
  /** The deadline `workingDays` working days after `from`, by the calendar as it is now. */
  deadline(from: Date, workingDays: number): Promise<Deadline>;
}

/**
 * Reads the calendar for deadlines. The full list is cached and read again only when a year was
 * added, removed or changed (one small query per call), so an import made through any API
 * instance counts in every worker's next deadline.
 */
export function createCalendarStore(db: Db, utcOffsetMinutes: number): CalendarStore {
  let cached: { stamp: string; calendar: BusinessCalendar } | undefined;
  const load = async (): Promise<BusinessCalendar> => {
    const [row] = await db.$queryRaw<{ stamp: string }[]>`SELECT count(*)::text || ':' || coalesce(max("updatedAt")::text, '') AS stamp FROM "CalendarYear"`;
    const stamp = row?.stamp ?? '';
    if (cached?.stamp === stamp) return cached.calendar;
    const [years, days] = await Promise.all([db.calendarYear.findMany({ select: { year: true } }), db.calendarDay.findMany({ select: { date: true, kind: true } })]);
    const calendar = businessCalendar({
      coveredYears: years.map((y) => y.year),
      holidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date),
      workingWeekends: days.filter((d) => d.kind === 'WORKING_DAY').map((d) => d.date),
    });
    cached = { stamp, calendar };
    return calendar;
  };
  return {
    load,
    async deadline(from, workingDays) {
      return workingDayDeadline(from, workingDays, await load(), utcOffsetMinutes);
    },
  };
}

/** The dataset alone, as a calendar: what a freshly seeded database holds. */
export function datasetCalendar(): BusinessCalendar {
  const years = datasetYears();
  const days = [...years.values()].flat();
  return businessCalendar({
    coveredYears: years.keys(),
    holidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date),
    workingWeekends: days.filter((d) => d.kind === 'WORKING_DAY').map((d) => d.date),
  });
}
