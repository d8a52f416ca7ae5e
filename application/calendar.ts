/**
 * The working-day calendar's use cases (issue 14 point 1): read it, see how far it reaches, and
 * enter or correct one year's holiday and 调休 list, which then recounts the open deadlines that
 * count days of that year (workflows/calendar).
 */
import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { calendarCoverage, type CalendarCoverage } from '../policy/calendar.js';
import type { PolicyConfig } from '../policy/config.js';
import { createCalendarStore, type CalendarDayInput } from '../prisma/calendar.js';
import type { Db } from '../prisma/client.js';
import { calendarChangeWorkflowId } from '../workflows/calendar/messages.js';
import { calendarChangeWorkflow } from '../workflows/calendar/workflow.js';
import { TASK_QUEUE } from '../workflows/constants.js';

export interface CalendarYearView {
  year: number;
  source: string;
  updatedAt: string;
  /** Who last saved it, when that official belongs to the reader's district; the dataset seed has none. */
  updatedBy: string | null;
  holidays: number;
  workingDays: number;
}

export interface CalendarProblem {
  index: number;
  date: string;
  code: 'DATE_INVALID' | 'DATE_OUTSIDE_YEAR' | 'DATE_REPEATED' | 'WORKING_DAY_NOT_WEEKEND' | 'HOLIDAY_MISSING';
}

export class CalendarRejected extends Error {
  constructor(readonly problems: CalendarProblem[]) {
    super('The calendar year has problems; nothing was saved.');
  }
}

/** The calendar was saved but the deadlines could not be recounted yet: repeating the same request does it. */
export class RecountNotStarted extends Error {}

export interface CalendarDeps {
  db: Db;
  temporal: Client;
  config: PolicyConfig;
  taskQueue?: string;
  now?: () => Date;
}

/** Problems of a year's list, each with its row; an empty list is a list the bureau may save. */
export function checkCalendarYear(year: number, days: readonly CalendarDayInput[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<string>();
  days.forEach((day, index) => {
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day.date) ? new Date(`${day.date}T00:00:00Z`) : null;
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day.date) return problems.push({ index, date: day.date, code: 'DATE_INVALID' });
    if (parsed.getUTCFullYear() !== year) return problems.push({ index, date: day.date, code: 'DATE_OUTSIDE_YEAR' });
    if (seen.has(day.date)) return problems.push({ index, date: day.date, code: 'DATE_REPEATED' });
    seen.add(day.date);
    const weekend = parsed.getUTCDay() === 0 || parsed.getUTCDay() === 6;
    if (day.kind === 'WORKING_DAY' && !weekend) problems.push({ index, date: day.date, code: 'WORKING_DAY_NOT_WEEKEND' });
    return undefined;
  });
  // Every year has 元旦 at least: a list without any holiday is a wrong file, not a year without holidays.
  if (!days.some((d) => d.kind === 'HOLIDAY')) problems.push({ index: -1, date: '', code: 'HOLIDAY_MISSING' });
  return problems;
}

export function calendarService({ db, temporal, config, taskQueue = TASK_QUEUE, now = () => new Date() }: CalendarDeps) {
  const store = createCalendarStore(db, config.utcOffsetMinutes);

  async function yearViews(readerDistrictId: string | null): Promise<CalendarYearView[]> {
    const years = await db.calendarYear.findMany({
      orderBy: { year: 'asc' },
      include: { updatedBy: { select: { displayName: true, unit: { select: { districtId: true } }, school: { select: { districtId: true } } } } },
    });
    const counts = await db.calendarDay.groupBy({ by: ['year', 'kind'], _count: { _all: true } });
    const count = (year: number, kind: 'HOLIDAY' | 'WORKING_DAY') => counts.find((c) => c.year === year && c.kind === kind)?._count._all ?? 0;
    return years.map((y) => {
      const district = y.updatedBy?.unit?.districtId ?? y.updatedBy?.school?.districtId ?? null;
      return {
        year: y.year,
        source: y.source,
        updatedAt: y.updatedAt.toISOString(),
        updatedBy: y.updatedBy && district === readerDistrictId ? y.updatedBy.displayName : null,
        holidays: count(y.year, 'HOLIDAY'),
        workingDays: count(y.year, 'WORKING_DAY'),
      };
    });
  }

  return {
    async coverage(): Promise<CalendarCoverage> {
      return calendarCoverage(now(), await store.load(), config.utcOffsetMinutes);
    },

    async overview(readerId: string): Promise<{ coverage: CalendarCoverage; years: CalendarYearView[] }> {
      const reader = await db.official.findUnique({ where: { id: readerId }, select: { unit: { select: { districtId: true } }, school: { select: { districtId: true } } } });
      const [coverage, years] = await Promise.all([this.coverage(), yearViews(reader?.unit?.districtId ?? reader?.school?.districtId ?? null)]);
      return { coverage, years };
    },

    async year(year: number): Promise<{ year: number; covered: boolean; source: string | null; days: CalendarDayInput[] }> {
      const row = await db.calendarYear.findUnique({ where: { year }, include: { days: { orderBy: { date: 'asc' }, select: { date: true, kind: true, name: true } } } });
      return { year, covered: Boolean(row), source: row?.source ?? null, days: row?.days ?? [] };
    },

    /**
     * Replaces the year's list in one transaction (nothing half-saved), audits it, then starts the
     * recount of open deadlines. Saving the same list again is harmless and restarts a recount
     * that could not be started before.
     */
    async saveYear(input: { actorId: string; year: number; days: CalendarDayInput[]; source: 'API' | 'IMPORT' }): Promise<{ year: number; holidays: number; workingDays: number; recountWorkflowId: string }> {
      const problems = checkCalendarYear(input.year, input.days);
      if (problems.length) throw new CalendarRejected(problems);
      const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
      const holidays = days.filter((d) => d.kind === 'HOLIDAY').length;
      const savedAt = now();
      await db.$transaction(async (tx) => {
        const before = await tx.calendarDay.count({ where: { year: input.year } });
        await tx.calendarYear.upsert({
          where: { year: input.year },
          create: { year: input.year, source: input.source, updatedById: input.actorId, updatedAt: savedAt },
          update: { source: input.source, updatedById: input.actorId, updatedAt: savedAt },
        });
        await tx.calendarDay.deleteMany({ where: { year: input.year } });
        await tx.calendarDay.createMany({ data: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, year: input.year })) });
        await tx.auditLog.create({ data: { actorId: input.actorId, action: 'CALENDAR_YEAR_SAVED', details: { year: input.year, source: input.source, daysBefore: before, holidays, workingDays: days.length - holidays } } });
      });
      const digest = createHash('sha256').update(JSON.stringify(days)).digest('hex').slice(0, 16);
      const workflowId = calendarChangeWorkflowId(input.year, digest);
      try {
        await temporal.workflow.start(calendarChangeWorkflow, { workflowId, taskQueue, args: [{ years: [input.year] }] });
      } catch (err) {
        // The same list is being recounted already.
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw new RecountNotStarted(err instanceof Error ? err.message : String(err));
      }
      return { year: input.year, holidays, workingDays: days.length - holidays, recountWorkflowId: workflowId };
    },
  };
}

export type CalendarService = ReturnType<typeof calendarService>;

