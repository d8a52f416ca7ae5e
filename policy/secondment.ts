/**
 * Management secondment (管理赋能): who a team must hold, and the dates its term runs on.
 * Pure, so the API checks a team before any case exists and workflows may call it.
 */
import type { PolicyConfig } from './config.js';

export const SECONDMENT_DIRECTIONS = ['CORE_TO_MEMBER', 'MEMBER_TO_CORE', 'NEW_SCHOOL'] as const;
export type SecondmentDirection = (typeof SECONDMENT_DIRECTIONS)[number];

/** A principal is also a school-level leader (校级领导); a middle manager (中层干部) is neither. */
export const SECONDMENT_POSTS = ['PRINCIPAL', 'SCHOOL_LEADER', 'MIDDLE_MANAGER'] as const;
export type SecondmentPost = (typeof SECONDMENT_POSTS)[number];

export interface SecondedMember {
  name: string;
  post: SecondmentPost;
}

export interface TeamShortfall {
  /** What the team lacks: school-level leaders, principals or middle managers. */
  need: 'SCHOOL_LEADER' | 'PRINCIPAL' | 'MIDDLE_MANAGER';
  required: number;
  actual: number;
}

/**
 * R-SECOND-OUT: the core school's team has ≥ 1 school-level leader and ≥ 2 middle managers.
 * R-SECOND-NEWSCHOOL: the team leading a newly taken-over school is the core school's team, so the same minimum.
 * R-SECOND-IN: a member school sends ≥ 1 principal and ≥ 2 middle managers.
 * Returns every shortfall (empty when the team is complete), so one answer lists all that is missing.
 */
export function secondmentTeamShortfalls(direction: SecondmentDirection, members: readonly SecondedMember[], config: Pick<PolicyConfig, 'secondment'>): TeamShortfall[] {
  const count = (posts: readonly SecondmentPost[]) => members.filter((m) => posts.includes(m.post)).length;
  const { minSchoolLeaders, minPrincipals, minMiddleManagers } = config.secondment;
  const leaders: TeamShortfall =
    direction === 'MEMBER_TO_CORE'
      ? { need: 'PRINCIPAL', required: minPrincipals, actual: count(['PRINCIPAL']) }
      : { need: 'SCHOOL_LEADER', required: minSchoolLeaders, actual: count(['PRINCIPAL', 'SCHOOL_LEADER']) };
  const managers: TeamShortfall = { need: 'MIDDLE_MANAGER', required: minMiddleManagers, actual: count(['MIDDLE_MANAGER']) };
  return [leaders, managers].filter((s) => s.actual < s.required);
}

/** R-SECOND-NEWSCHOOL: only the new-school team is paid at the member school's principal / vice-principal rate, which HR sets. */
export function secondmentNeedsPayRate(direction: SecondmentDirection): boolean {
  return direction === 'NEW_SCHOOL';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Local midnight (Asia/Shanghai) at the start of a `YYYY-MM-DD` date. */
export function localMidnight(isoDate: string, utcOffsetMinutes: number): number {
  return Date.parse(`${isoDate}T00:00:00Z`) - utcOffsetMinutes * 60_000;
}

/** How long a workflow waits, from `now`, until a term starts, until the reminder before its end, and until it ends. */
export interface TermWaits {
  toStartMs: number;
  toReminderMs: number;
  toEndMs: number;
}

/**
 * A term (secondment, placement) runs from the start of its first day to the end of its last day,
 * local time; its parties are reminded `reminderLeadDays` before the end. Moments already past
 * give a wait of 0, and the three waits never go backwards.
 */
export function termWaits(now: Date, term: { startsOn: string; endsOn: string }, reminderLeadDays: number, config: Pick<PolicyConfig, 'utcOffsetMinutes'>): TermWaits {
  const start = localMidnight(term.startsOn, config.utcOffsetMinutes);
  const end = localMidnight(term.endsOn, config.utcOffsetMinutes) + DAY_MS;
  const toStartMs = Math.max(0, start - now.getTime());
  const toReminderMs = Math.max(toStartMs, end - reminderLeadDays * DAY_MS - now.getTime());
  const toEndMs = Math.max(toReminderMs, end - now.getTime());
  return { toStartMs, toReminderMs, toEndMs };
}
