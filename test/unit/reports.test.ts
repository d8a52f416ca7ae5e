import { describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import { fullYearsBetween, isDueForExchange as isDue, schoolYearStartsAt } from '../../policy/exchange.js';
import {
  backboneShareCheck,
  dueIfJoinedOnOrBefore,
  exchangeQuotaCheck,
  formatPercent,
  formatShare,
  formatYuan,
  shareCheck,
  tightGroupCoverage,
} from '../../policy/reports.js';

describe('tight-group coverage (R-COVERAGE)', () => {
  it('checks the share against the 2025 and 2030 targets', () => {
    const coverage = tightGroupCoverage(17, 20, policyConfig);

    expect(coverage.share).toBe(0.85);
    expect(coverage.targets).toEqual([
      { year: 2025, share: 0.8, requiredSchools: 16, met: true },
      { year: 2030, share: 0.9, requiredSchools: 18, met: false },
    ]);
  });

  it('meets a target exactly at the share', () => {
    expect(tightGroupCoverage(9, 10, policyConfig).targets[1]).toEqual({ year: 2030, share: 0.9, requiredSchools: 9, met: true });
    expect(tightGroupCoverage(8, 10, policyConfig).targets[1]!.met).toBe(false);
  });

  it('computes what a configured share requires without float error', () => {
    // 0.07 * 100 is 7.000000000000001 in floating point: rounding it up would demand 8.
    expect(shareCheck(7, 100, 0.07)).toEqual({ count: 7, of: 100, required: 7, met: true });
    expect(shareCheck(14, 25, 0.56)).toEqual({ count: 14, of: 25, required: 14, met: true });
  });

  it('has no share for a district without schools', () => {
    expect(tightGroupCoverage(0, 0, policyConfig).share).toBeNull();
  });
});

const isDueForExchange = (joinedGroupOn: string, schoolYear: number, config: typeof policyConfig) => isDue({ joinedGroupOn }, schoolYear, config);

describe('due for exchange (R-EXCH-ELIGIBLE)', () => {
  it('counts full years only once the anniversary is reached', () => {
    expect(fullYearsBetween('2020-09-01', '2026-09-01')).toBe(6);
    expect(fullYearsBetween('2020-09-02', '2026-09-01')).toBe(5);
    expect(fullYearsBetween('2016-02-29', '2022-02-28')).toBe(5);
  });

  it('is due with 6 full years in the group on 1 September of the school year', () => {
    expect(isDueForExchange('2020-09-01', 2026, policyConfig)).toBe(true);
    expect(isDueForExchange('2020-09-02', 2026, policyConfig)).toBe(false);
    expect(isDueForExchange('2019-12-31', 2025, policyConfig)).toBe(false);
    expect(dueIfJoinedOnOrBefore(2026, policyConfig)).toBe('2020-09-01');
  });

  it('starts a school year at midnight on 1 September in Beijing', () => {
    expect(schoolYearStartsAt(2026, policyConfig)).toEqual(new Date('2026-08-31T16:00:00Z'));
  });

  it('gives the database filter the same answer as the rule for every day of a span of years', () => {
    const cutoff = dueIfJoinedOnOrBefore(2026, policyConfig);
    const mismatches: string[] = [];
    for (let day = Date.UTC(2018, 0, 1); day <= Date.UTC(2022, 11, 31); day += 86_400_000) {
      const joined = new Date(day).toISOString().slice(0, 10);
      if (isDueForExchange(joined, 2026, policyConfig) !== joined <= cutoff) mismatches.push(joined);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('yearly exchange checks (R-EXCH-QUOTA, R-EXCH-BACKBONE)', () => {
  it('needs 10 % of the group exchanging, rounded up', () => {
    expect(exchangeQuotaCheck(3, 30, policyConfig)).toEqual({ count: 3, of: 30, required: 3, met: true });
    expect(exchangeQuotaCheck(3, 31, policyConfig)).toEqual({ count: 3, of: 31, required: 4, met: false });
  });

  it('needs half of the exchanging teachers to be backbone teachers', () => {
    expect(backboneShareCheck(2, 4, policyConfig).met).toBe(true);
    expect(backboneShareCheck(2, 5, policyConfig)).toEqual({ count: 2, of: 5, required: 3, met: false });
  });

  it('requires no backbone teacher when nobody exchanges, leaving the failure to the quota', () => {
    expect(backboneShareCheck(0, 0, policyConfig).met).toBe(true);
    expect(exchangeQuotaCheck(0, 40, policyConfig).met).toBe(false);
  });
});

describe('money and shares for reading', () => {
  it('shows fen as yuan with separators, exactly', () => {
    expect(formatYuan(50_000_000)).toBe('500,000.00');
    expect(formatYuan(1_234_567_89)).toBe('1,234,567.89');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-1_050)).toBe('-10.50');
    expect(formatYuan(Number.MAX_SAFE_INTEGER)).toBe('90,071,992,547,409.91');
  });

  it('refuses an amount that is not whole fen', () => {
    expect(() => formatYuan(10.5)).toThrow(RangeError);
  });

  it('shows percentages with one decimal, rounded half up', () => {
    expect(formatPercent(17, 20)).toBe('85.0%');
    expect(formatPercent(1, 3)).toBe('33.3%');
    expect(formatPercent(2, 3)).toBe('66.7%');
    expect(formatPercent(1, 8)).toBe('12.5%');
    expect(formatPercent(1, 16)).toBe('6.3%');
    expect(formatPercent(0, 0)).toBe('—');
    expect(formatShare(0.8)).toBe('80%');
    expect(formatShare(0.125)).toBe('12.5%');
  });
});
