/** Expected runs of a yearly cycle in Asia/Shanghai, set against the runs Temporal reports. */
import { describe, expect, it } from 'vitest';
import type { ScheduleExecutionResult } from '@temporalio/client';
import { calendarRunsBetween, compareRuns } from '../../api/schedules/calendar.js';
import { policyConfig } from '../../policy/config.js';

describe('schedule calendar', () => {
  it('lists the yearly instants at Shanghai local time and marks the school years no run covered', () => {
    const expected = calendarRunsBetween({ month: 9, dayOfMonth: 15, hour: 9, minute: 0 }, new Date('2023-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'), policyConfig);
    expect(expected.map((d) => d.toISOString())).toEqual(['2023-09-15T01:00:00.000Z', '2024-09-15T01:00:00.000Z', '2025-09-15T01:00:00.000Z']);
    const triggeredInOctober = { scheduledAt: new Date('2024-10-20T02:00:00Z'), takenAt: new Date('2024-10-20T02:00:00Z') } as ScheduleExecutionResult;
    expect(compareRuns(expected, [triggeredInOctober], policyConfig).map((r) => [r.schoolYear, r.ran])).toEqual([
      [2023, false],
      [2024, true],
      [2025, false],
    ]);
  });
});
