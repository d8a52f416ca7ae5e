import { describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import {
  assessmentOpensAt, checkQuota, earnsSupportCredit, exchangeChainConditions, fullYearsInGroup, hasSpecialPostPriority, isCoreToMember,
  isDueForExchange, schoolYearStartsAt, teachersDue, termEndReminderAt, termEndsAt, termSchoolYears, TITLE_POINTS_CONDITION, weakSchoolYearsAfter,
  type TeacherFacts,
} from '../../policy/exchange.js';

const teacher = (id: string, joinedGroupOn: string, extra: Partial<TeacherFacts> = {}): TeacherFacts => ({ id, joinedGroupOn, graduatingClass: false, backbone: 'NONE', ...extra });

describe('exchange policy', () => {
  it('R-EXCH-ELIGIBLE: counts only FULL years in the group as of 1 September', () => {
    expect(fullYearsInGroup('2021-09-01', 2027, policyConfig)).toBe(6);
    expect(fullYearsInGroup('2021-09-02', 2027, policyConfig)).toBe(5);
    expect(isDueForExchange({ joinedGroupOn: '2021-09-01' }, 2027, policyConfig)).toBe(true);
    expect(isDueForExchange({ joinedGroupOn: '2021-09-02' }, 2027, policyConfig)).toBe(false);
  });

  it('R-EXCH-ELIGIBLE: lists graduating-class teachers first, then the longest-serving', () => {
    const due = teachersDue([teacher('a', '2010-09-01'), teacher('b', '2020-09-01', { graduatingClass: true }), teacher('c', '2024-09-01'), teacher('d', '2015-09-01')], 2026, policyConfig);
    expect(due.map((t) => t.id)).toEqual(['b', 'a', 'd']);
  });

  it('R-EXCH-QUOTA: needs at least 10 % of the group, rounded up', () => {
    expect(checkQuota(30, [{ backbone: 'BACKBONE' }, { backbone: 'NONE' }, { backbone: 'SPECIAL_GRADE' }], policyConfig)).toMatchObject({ requiredCount: 3, meetsQuota: true });
    expect(checkQuota(31, [{ backbone: 'BACKBONE' }, { backbone: 'NONE' }, { backbone: 'SPECIAL_GRADE' }], policyConfig)).toMatchObject({ requiredCount: 4, meetsQuota: false });
    expect(checkQuota(5, [], policyConfig).meetsQuota).toBe(false);
  });

  it('R-EXCH-BACKBONE: needs at least half of those planned to be backbone teachers of any listed kind', () => {
    expect(checkQuota(10, [{ backbone: 'TEACHING_STAR' }, { backbone: 'NONE' }], policyConfig)).toMatchObject({ backboneCount: 1, requiredBackbone: 1, meetsBackbone: true });
    expect(checkQuota(10, [{ backbone: 'SUBJECT_LEADER' }, { backbone: 'NONE' }, { backbone: 'NONE' }], policyConfig)).toMatchObject({ requiredBackbone: 2, meetsBackbone: false });
  });

  it('R-EXCH-RETURN: a term lasts the configured 3 school years, starting and ending on 1 September in Asia/Shanghai', () => {
    expect(termSchoolYears(2027, policyConfig)).toEqual([2027, 2028, 2029]);
    expect(schoolYearStartsAt(2027, policyConfig).toISOString()).toBe('2027-08-31T16:00:00.000Z');
    expect(termEndsAt(2027, policyConfig).toISOString()).toBe('2030-08-31T16:00:00.000Z');
    expect(termEndReminderAt(2027, policyConfig).toISOString()).toBe('2030-08-01T16:00:00.000Z');
    expect(assessmentOpensAt(2027, policyConfig).toISOString()).toBe('2028-07-02T16:00:00.000Z');
  });

  it('R-EXCH-SUPPORT: credits an exchange from the core school to a weak school or one founded less than 3 years before the term', () => {
    const to = (weak: boolean, foundedOn: string) => ({ from: { role: 'CORE' as const }, to: { role: 'MEMBER' as const, weak, foundedOn } });
    expect(earnsSupportCredit(to(true, '1990-09-01'), 2027, policyConfig)).toBe(true);
    expect(earnsSupportCredit(to(false, '2024-09-02'), 2027, policyConfig)).toBe(true);
    expect(earnsSupportCredit(to(false, '2024-09-01'), 2027, policyConfig)).toBe(false);
    expect(earnsSupportCredit({ from: { role: 'MEMBER' }, to: { role: 'MEMBER', weak: true, foundedOn: '1990-09-01' } }, 2027, policyConfig)).toBe(false);
  });

  it('R-EXCH-SPECIALPOST: counts consecutive weak-school years and gives priority from 6', () => {
    expect(weakSchoolYearsAfter(3, 3, true)).toBe(6);
    expect(weakSchoolYearsAfter(3, 3, false)).toBe(0);
    expect(weakSchoolYearsAfter(3, 0, false)).toBe(3);
    expect(hasSpecialPostPriority(6, policyConfig)).toBe(true);
    expect(hasSpecialPostPriority(5, policyConfig)).toBe(false);
  });

  it('R-EXCH-REFUSAL: a core→member term earns the bonus, so HR joins the approval; so does a term completing the special-post run', () => {
    expect(isCoreToMember({ from: { role: 'CORE' }, to: { role: 'MEMBER', weak: false, foundedOn: '2000-01-01' } })).toBe(true);
    expect(isCoreToMember({ from: { role: 'MEMBER' }, to: { role: 'CORE', weak: false, foundedOn: '2000-01-01' } })).toBe(false);
    expect(exchangeChainConditions({ coreToMember: true, destinationWeak: false, weakSchoolYears: 0 }, policyConfig)).toEqual([TITLE_POINTS_CONDITION]);
    expect(exchangeChainConditions({ coreToMember: false, destinationWeak: true, weakSchoolYears: 3 }, policyConfig)).toEqual([TITLE_POINTS_CONDITION]);
    expect(exchangeChainConditions({ coreToMember: false, destinationWeak: true, weakSchoolYears: 2 }, policyConfig)).toEqual([]);
  });
});
