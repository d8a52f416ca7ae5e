import { describe, expect, it } from 'vitest';
import { datasetCalendar, datasetYears, DATASET_SOURCE } from '../../prisma/calendar.js';
import { addWorkingDays, businessCalendar, calendarCoverage, isWorkingDay, localDate, schoolYearOf, workingDayDeadline } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const offset = policyConfig.utcOffsetMinutes;
const calendar = datasetCalendar();

describe('business calendar (RULES.md "Dates", Asia/Shanghai)', () => {
  it('takes the local date in Asia/Shanghai, not UTC', () => {
    expect(localDate(new Date('2026-11-26T17:00:00Z'), offset)).toBe('2026-11-27');
  });

  it('skips weekends and holidays but counts swapped working weekends (调休)', () => {
    expect(isWorkingDay('2026-11-28', calendar)).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-05', calendar)).toBe(false); // National Day holiday, a Monday
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true); // Saturday made a working day
  });

  it('is due at the end of the n-th working day after the day a step opens', () => {
    // Thursday 26 Nov 2026 + 5 working days = Thursday 3 Dec, due at 24:00 local time.
    expect(addWorkingDays(shanghai('2026-11-26T10:00:00'), 5, calendar, offset)).toEqual(shanghai('2026-12-04T00:00:00'));
    // Friday evening + 1 working day = end of Monday.
    expect(addWorkingDays(shanghai('2026-11-27T23:30:00'), 1, calendar, offset)).toEqual(shanghai('2026-12-01T00:00:00'));
  });

  it('runs across the National Day week and its swapped Saturday', () => {
    // 30 Sep (Wed) + 2 working days: 1–7 Oct are holidays, 8 Oct (Thu) and 9 Oct (Fri) count.
    expect(addWorkingDays(shanghai('2026-09-30T09:00:00'), 2, calendar, offset)).toEqual(shanghai('2026-10-10T00:00:00'));
    expect(addWorkingDays(shanghai('2026-09-30T09:00:00'), 3, calendar, offset)).toEqual(shanghai('2026-10-11T00:00:00'));
  });

  it('refuses a non-positive number of working days', () => {
    expect(() => addWorkingDays(new Date(), 0, calendar, offset)).toThrow(RangeError);
  });

  it('names the school year by the year it starts on 1 September', () => {
    expect(schoolYearOf(shanghai('2026-08-31T23:59:00'), policyConfig)).toBe(2025);
    expect(schoolYearOf(shanghai('2026-09-01T00:00:00'), policyConfig)).toBe(2026);
    expect(schoolYearOf(new Date('2026-08-31T16:30:00Z'), policyConfig)).toBe(2026);
  });
});

describe('a year without calendar data (issue 14: the data ended on 31 December 2026)', () => {
  it('the dataset the database is seeded from covers 2026 and not 2027', () => {
    expect(DATASET_SOURCE).toMatch(/^chinese-days@/);
    expect(datasetYears().has(2026)).toBe(true);
    expect(calendar.coveredYears.has(2027)).toBe(false);
  });

  it('marks a deadline provisional when it counts days of an uncovered year, and only then', () => {
    const inside = workingDayDeadline(shanghai('2026-12-03T10:00:00'), 5, calendar, offset);
    expect(inside).toEqual({ dueAt: shanghai('2026-12-11T00:00:00'), provisional: false, uncoveredYears: [] });
    const across = workingDayDeadline(shanghai('2026-12-28T10:00:00'), 5, calendar, offset);
    expect(across.provisional).toBe(true);
    expect(across.uncoveredYears).toEqual([2027]);
  });

  it('counts the entered year once the bureau has it: 春节 2027 is no longer five working days', () => {
    // Without 2027 data, 8–12 Feb 2027 (Mon–Fri of the Spring Festival week) count as working days.
    const opened = shanghai('2027-02-05T10:00:00');
    expect(addWorkingDays(opened, 5, calendar, offset)).toEqual(shanghai('2027-02-13T00:00:00'));
    const with2027 = businessCalendar({
      coveredYears: [...calendar.coveredYears, 2027],
      holidays: [...calendar.holidays, '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13', '2027-02-14'],
      workingWeekends: [...calendar.workingWeekends],
    });
    const entered = workingDayDeadline(opened, 5, with2027, offset);
    expect(entered).toEqual({ dueAt: shanghai('2027-02-20T00:00:00'), provisional: false, uncoveredYears: [] });
  });
});

describe('calendar coverage and its warning (from 1 October a missing next year is shown)', () => {
  it('is quiet before 1 October when this year is covered', () => {
    expect(calendarCoverage(shanghai('2026-09-30T12:00:00'), calendar, offset)).toEqual({ today: '2026-09-30', coveredUntil: '2026-12-31', daysCovered: 93, missingYears: [], warning: false });
  });

  it('warns from 1 October (Asia/Shanghai) that next year is missing', () => {
    expect(calendarCoverage(new Date('2026-09-30T16:00:00Z'), calendar, offset)).toMatchObject({ today: '2026-10-01', missingYears: [2027], warning: true });
    expect(calendarCoverage(shanghai('2026-12-03T09:00:00'), calendar, offset)).toMatchObject({ coveredUntil: '2026-12-31', daysCovered: 29, missingYears: [2027], warning: true });
  });

  it('warns when this year itself is missing, with no days covered', () => {
    expect(calendarCoverage(shanghai('2027-01-04T09:00:00'), calendar, offset)).toEqual({ today: '2027-01-04', coveredUntil: null, daysCovered: 0, missingYears: [2027], warning: true });
  });

  it('is quiet again once next year is entered', () => {
    const with2027 = businessCalendar({ coveredYears: [...calendar.coveredYears, 2027], holidays: [], workingWeekends: [] });
    expect(calendarCoverage(shanghai('2026-12-03T09:00:00'), with2027, offset)).toMatchObject({ coveredUntil: '2027-12-31', missingYears: [], warning: false });
  });
});
