/**
 * When a yearly cycle should have run, to set against the runs Temporal reports: a run missed
 * beyond the catch-up window is skipped without a trace (temporal#6820), so the gap is shown here.
 */
import type { ScheduleExecutionResult } from '@temporalio/client';
import type { PolicyConfig } from '../../policy/config.js';
import { schoolYearOf } from '../../policy/calendar.js';
import type { CycleCalendar } from '../../workflows/cycles/messages.js';

/** The calendar's instants in [from, to), read in the policy's time zone. */
export function calendarRunsBetween(calendar: CycleCalendar, from: Date, to: Date, config: Pick<PolicyConfig, 'utcOffsetMinutes'>): Date[] {
  const runs: Date[] = [];
  for (let year = from.getUTCFullYear() - 1; year <= to.getUTCFullYear() + 1; year += 1) {
    const at = new Date(Date.UTC(year, calendar.month - 1, calendar.dayOfMonth, calendar.hour, calendar.minute) - config.utcOffsetMinutes * 60_000);
    if (at >= from && at < to) runs.push(at);
  }
  return runs;
}

export interface ExpectedRun {
  scheduledAt: string;
  schoolYear: number;
  /** A run (scheduled, triggered or backfilled) took place for this school year. */
  ran: boolean;
}

/** Each expected run, and whether any actual run covered its school year. */
export function compareRuns(expected: Date[], actual: ScheduleExecutionResult[], config: Pick<PolicyConfig, 'utcOffsetMinutes' | 'schoolYearStart'>): ExpectedRun[] {
  const covered = new Set(actual.map((a) => schoolYearOf(a.scheduledAt, config)));
  return expected.map((at) => {
    const schoolYear = schoolYearOf(at, config);
    return { scheduledAt: at.toISOString(), schoolYear, ran: covered.has(schoolYear) };
  });
}
