import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, localDate, schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('business calendar (RULES.md "Dates", Asia/Shanghai)', () => {
  it('takes the local date in Asia/Shanghai, not UTC', () => {
    expect(localDate(new Date('2026-11-26T17:00:00Z'), policyConfig.utcOffsetMinutes)).toBe('2026-11-27');
  });

  it('skips weekends and holidays but counts swapped working weekends (调休)', () => {
    expect(isWorkingDay('2026-11-28', policyConfig.calendar)).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-05', policyConfig.calendar)).toBe(false); // National Day holiday, a Monday
    expect(isWorkingDay('2026-10-10', policyConfig.calendar)).toBe(true); // Saturday made a working day
  });

  it('is due at the end of the n-th working day after the day a step opens', () => {
    // Thursday 26 Nov 2026 + 5 working days = Thursday 3 Dec, due at 24:00 local time.
    expect(addWorkingDays(shanghai('2026-11-26T10:00:00'), 5, policyConfig)).toEqual(shanghai('2026-12-04T00:00:00'));
    // Friday evening + 1 working day = end of Monday.
    expect(addWorkingDays(shanghai('2026-11-27T23:30:00'), 1, policyConfig)).toEqual(shanghai('2026-12-01T00:00:00'));
  });

  it('runs across the National Day week and its swapped Saturday', () => {
    // 30 Sep (Wed) + 2 working days: 1–7 Oct are holidays, 8 Oct (Thu) and 9 Oct (Fri) count.
    expect(addWorkingDays(shanghai('2026-09-30T09:00:00'), 2, policyConfig)).toEqual(shanghai('2026-10-10T00:00:00'));
    expect(addWorkingDays(shanghai('2026-09-30T09:00:00'), 3, policyConfig)).toEqual(shanghai('2026-10-11T00:00:00'));
  });

  it('refuses a non-positive number of working days', () => {
    expect(() => addWorkingDays(new Date(), 0, policyConfig)).toThrow(RangeError);
  });

  it('names the school year by the year it starts on 1 September', () => {
    expect(schoolYearOf(shanghai('2026-08-31T23:59:00'), policyConfig)).toBe(2025);
    expect(schoolYearOf(shanghai('2026-09-01T00:00:00'), policyConfig)).toBe(2026);
    expect(schoolYearOf(new Date('2026-08-31T16:30:00Z'), policyConfig)).toBe(2026);
  });
});
