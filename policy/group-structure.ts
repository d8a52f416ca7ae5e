/**
 * Changes to a group's structure: members joining or leaving, alliance links, sub-core promotion.
 * Pure, so the API refuses a change before any case exists and the apply step checks it again.
 */
import { localDate } from './calendar.js';
import type { PolicyConfig } from './config.js';

export const GROUP_CHANGE_KINDS = ['ADD_MEMBER', 'REMOVE_MEMBER', 'ALLIANCE_LINK', 'SUB_CORE'] as const;
export type GroupChangeKind = (typeof GROUP_CHANGE_KINDS)[number];

/**
 * OK: within the standard size (or a removal that leaves it at or above the minimum).
 * NEEDS_JUSTIFICATION: a 7th or 8th member, allowed only with a justification EDU approves.
 * TOO_LARGE: beyond the hard maximum, refused.
 * BELOW_MIN: a removal that leaves fewer than the minimum; allowed with a warning, since a group
 * being restructured passes through it and the three-year review (R-REVIEW-3Y) looks at its size.
 */
export type GroupSizeVerdict = 'OK' | 'NEEDS_JUSTIFICATION' | 'TOO_LARGE' | 'BELOW_MIN';

/**
 * R-GROUP-SIZE: a tight group has `min`–`max` member schools, `hardMax` at most with justification.
 * Only ADD_MEMBER and REMOVE_MEMBER change the count: alliance schools are not counted
 * (R-GROUP-ALLIANCE) and a sub-core school stays a member of its group (R-GROUP-SUBCORE).
 * `members` counts the group's schools other than its core school. The size rule is for tight
 * (紧密型) groups only; a loose group may have any number of members.
 */
export function groupSizeAfter(kind: GroupChangeKind, members: number, groupKind: 'TIGHT' | 'LOOSE', config: Pick<PolicyConfig, 'groupSize'>): { after: number; verdict: GroupSizeVerdict } {
  const after = kind === 'ADD_MEMBER' ? members + 1 : kind === 'REMOVE_MEMBER' ? members - 1 : members;
  if (groupKind === 'LOOSE') return { after, verdict: 'OK' };
  const { min, max, hardMax } = config.groupSize;
  if (kind === 'ADD_MEMBER' && after > hardMax) return { after, verdict: 'TOO_LARGE' };
  if (kind === 'ADD_MEMBER' && after > max) return { after, verdict: 'NEEDS_JUSTIFICATION' };
  if (kind === 'REMOVE_MEMBER' && after < min) return { after, verdict: 'BELOW_MIN' };
  return { after, verdict: 'OK' };
}

/** The chain condition that adds EDU's justification step (policy/chains/group-change.ts). */
export const ABOVE_STANDARD_SIZE = 'GROUP_ABOVE_STANDARD_SIZE';

/**
 * R-FUND-NEWSCHOOL: a school founded less than `newSchoolYears` years before `today` is a new
 * school; when it joins a group its subsidy period starts.
 */
export function isNewSchool(foundedOn: Date, today: Date, config: Pick<PolicyConfig, 'funding' | 'utcOffsetMinutes'>): boolean {
  const [y, m, d] = localDate(foundedOn, 0).split('-') as [string, string, string];
  const anniversary = `${Number(y) + config.funding.newSchoolYears}-${m}-${d}`;
  return localDate(today, config.utcOffsetMinutes) < anniversary;
}
