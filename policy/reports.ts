/**
 * The policy figures the bureau's reports check: tight-group coverage, who is due for exchange (by
 * exchange.ts's rule), the yearly exchange quotas, and money shown in yuan. Pure, so workflows could use them as well.
 */
import type { PolicyConfig } from './config.js';
import { schoolYearStartDate } from './exchange.js';

/** Shares are taken in basis points, so a configured 7 % of 100 requires 7 — not 7.000000000000001 rounded up to 8. */
const BASIS = 10_000;

const basisPoints = (share: number) => Math.round(share * BASIS);

export interface ShareCheck {
  count: number;
  of: number;
  /** The smallest count that reaches the share. */
  required: number;
  met: boolean;
}

/** Whether `count` reaches `share` of `of`; a share of nobody is reached by nobody. */
export function shareCheck(count: number, of: number, share: number): ShareCheck {
  const required = Math.ceil((basisPoints(share) * of) / BASIS);
  return { count, of, required, met: count >= required };
}

export interface CoverageTarget {
  year: number;
  share: number;
  requiredSchools: number;
  met: boolean;
}

export interface Coverage {
  schools: number;
  inTightGroup: number;
  /** Null for a district without schools. */
  share: number | null;
  targets: CoverageTarget[];
}

/**
 * R-COVERAGE: the share of the district's compulsory-education schools inside a tight group, against
 * every target year of the policy. Alliance links (R-GROUP-ALLIANCE) are not membership and do not count.
 */
export function tightGroupCoverage(inTightGroup: number, schools: number, config: Pick<PolicyConfig, 'coverageTargets'>): Coverage {
  return {
    schools,
    inTightGroup,
    share: schools === 0 ? null : inTightGroup / schools,
    targets: config.coverageTargets.map((target) => {
      const check = shareCheck(inTightGroup, schools, target.share);
      return { year: target.year, share: target.share, requiredSchools: check.required, met: check.met };
    }),
  };
}

/**
 * R-EXCH-ELIGIBLE as a database filter: the latest joining date that makes a teacher due in
 * `schoolYear` (same answer as isDueForExchange in exchange.ts, since the school year starts on a fixed day).
 */
export function dueIfJoinedOnOrBefore(schoolYear: number, config: Pick<PolicyConfig, 'schoolYearStart' | 'exchange' | 'utcOffsetMinutes'>): string {
  return schoolYearStartDate(schoolYear - config.exchange.eligibleAfterYears, config);
}

/** R-EXCH-QUOTA: teachers exchanging in a school year against the group's teachers. */
export function exchangeQuotaCheck(exchanging: number, teachers: number, config: Pick<PolicyConfig, 'exchange'>): ShareCheck {
  return shareCheck(exchanging, teachers, config.exchange.minExchangeShare);
}

/**
 * R-EXCH-BACKBONE: backbone teachers among that year's exchanging teachers. With nobody exchanging it
 * is met (nothing is required); the quota check is what fails then.
 */
export function backboneShareCheck(backbone: number, exchanging: number, config: Pick<PolicyConfig, 'exchange'>): ShareCheck {
  return shareCheck(backbone, exchanging, config.exchange.minBackboneShare);
}

/** Fen as yuan with thousands separators (`1,234,567.89`), by integer arithmetic only. */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`an amount in fen must be a safe integer, got ${fen}`);
  const amount = BigInt(fen);
  const abs = amount < 0n ? -amount : amount;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0n ? '-' : ''}${yuan}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A count as a percentage of another with one decimal (`82.5%`), rounded half up; `—` of nobody. */
export function formatPercent(count: number, of: number): string {
  if (of === 0) return '—';
  const tenths = Math.floor((count * 2000 + of) / (2 * of));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** A share from the policy configuration (`0.8`) as a percentage (`80%`). */
export function formatShare(share: number): string {
  const bp = basisPoints(share);
  return bp % 100 === 0 ? `${bp / 100}%` : `${(bp / 100).toFixed(2).replace(/0+$/, '')}%`;
}
