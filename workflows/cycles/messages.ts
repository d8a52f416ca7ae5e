/**
 * The yearly cycles a Temporal Schedule starts (R-ASSESS-ANNUAL, R-AWARD-ANNUAL): their kinds, the
 * schedule policy each runs under, and the ids of schedules and cycle runs. Shared by the cycle
 * workflow, the schedulers' API and tests.
 *
 * Adding a kind (e.g. ROTATION_PLANS, one `rotationPlanWorkflow` per tight group): add its name to
 * CYCLE_KINDS, its scheduling below, and its opener in `openers.ts` — the API and the cycle follow.
 */
import type { ScheduleOverlapPolicy } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CYCLE_KINDS = ['GROUP_ASSESSMENT', 'COMMENDATION_ROUND'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];

export interface CycleInput {
  kind: CycleKind;
  districtId: string;
  /** For manual and backfill runs; a scheduled run takes the school year of its scheduled time. */
  schoolYear?: number;
}

export interface CycleResult {
  schoolYear: number;
  /** Workflow ids of the cases this run opened, and of those an earlier run had already opened. */
  opened: string[];
  existing: string[];
}

/** A yearly calendar point in Asia/Shanghai: the schedulers' "change the calendar". */
export interface CycleCalendar {
  month: number;
  dayOfMonth: number;
  hour: number;
  minute: number;
}

export interface CycleScheduling {
  defaultCalendar: CycleCalendar;
  overlap: ScheduleOverlapPolicy;
  /** A run missed by longer than this (server down, schedule paused) is skipped by Temporal; describe shows it. */
  catchupWindow: string;
}

/**
 * Assessment: opened at the start of the school year; SKIP, because a second run of the same year
 * would only find the cases the first opened. Commendation: opened in spring; BUFFER_ONE, so a run
 * fired while a long backfill is still opening runs after it rather than being lost. Catch-up
 * windows of a month and a week: a late bureau run is still wanted, a run a year late is not.
 */
export const cycleScheduling: Record<CycleKind, CycleScheduling> = {
  GROUP_ASSESSMENT: { defaultCalendar: { month: 9, dayOfMonth: 15, hour: 9, minute: 0 }, overlap: 'SKIP', catchupWindow: '30 days' },
  COMMENDATION_ROUND: { defaultCalendar: { month: 4, dayOfMonth: 1, hour: 9, minute: 0 }, overlap: 'BUFFER_ONE', catchupWindow: '7 days' },
};

/** Set by Temporal on every run a schedule starts (also on trigger and backfill runs). */
export const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export function cycleScheduleId(kind: CycleKind, districtId: string): string {
  return `cycle:${kind}:${districtId}`;
}

/** The schedule appends the scheduled time to this id for each run. */
export function cycleWorkflowId(kind: CycleKind, districtId: string): string {
  return `cycle-run:${kind}:${districtId}`;
}
