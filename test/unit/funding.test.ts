import { describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import { defaultPaymentDate, isCoreBackbone, isNewSchool, lectureFeeFen, paymentReminderAt, reserveFen, schoolYearStartsAt, subsidyDedupeKey, subsidyYearAllocations } from '../../policy/funding.js';

const funding = policyConfig.funding;

describe('new-school subsidy amounts (R-FUND-NEWSCHOOL, R-FUND-RESERVE)', () => {
  it('R-FUND-RESERVE: reserves 40 % of the member-school standard, in whole fen', () => {
    expect(reserveFen(funding)).toBe(80_000_000);
    expect(reserveFen({ memberSchoolStandardFen: 123_456_789, reserveShare: 0.4 })).toBe(49_382_715);
    expect(Number.isInteger(reserveFen({ memberSchoolStandardFen: 333, reserveShare: 0.4 }))).toBe(true);
  });

  it('R-FUND-NEWSCHOOL: one allocation per campus plus the reserve', () => {
    const rows = subsidyYearAllocations([{ campusId: 'east' }, { campusId: 'west' }], 50_000_000, funding);
    expect(rows).toEqual([
      { kind: 'NEW_SCHOOL_CAMPUS', campusId: 'east', amountFen: 50_000_000 },
      { kind: 'NEW_SCHOOL_CAMPUS', campusId: 'west', amountFen: 50_000_000 },
      { kind: 'NEW_SCHOOL_RESERVE', campusId: null, amountFen: 80_000_000 },
    ]);
  });

  it('R-FUND-NEWSCHOOL: a school without campus records is one campus', () => {
    expect(subsidyYearAllocations([], 60_000_000, funding).map((r) => [r.kind, r.campusId, r.amountFen])).toEqual([
      ['NEW_SCHOOL_CAMPUS', null, 60_000_000],
      ['NEW_SCHOOL_RESERVE', null, 80_000_000],
    ]);
  });

  it('R-FUND-NEWSCHOOL: refuses less than 500 000 CNY per campus, or fractions of a fen', () => {
    expect(() => subsidyYearAllocations([{ campusId: 'a' }], 49_999_999, funding)).toThrow(RangeError);
    expect(() => subsidyYearAllocations([{ campusId: 'a' }], 50_000_000.5, funding)).toThrow(RangeError);
  });

  it('keys ledger rows per school, year, campus and kind', () => {
    expect(subsidyDedupeKey('s1', 2026, { kind: 'NEW_SCHOOL_CAMPUS', campusId: 'c1' })).toBe('NEW_SCHOOL:s1:2026:c1:NEW_SCHOOL_CAMPUS');
    expect(subsidyDedupeKey('s1', 2026, { kind: 'NEW_SCHOOL_RESERVE', campusId: null })).toBe('NEW_SCHOOL:s1:2026:school:NEW_SCHOOL_RESERVE');
  });

  it('R-FUND-NEWSCHOOL: a school is new for 3 years after it was founded', () => {
    const founded = new Date('2024-09-01T00:00:00Z');
    expect(isNewSchool(founded, new Date('2027-08-31T23:59:59Z'), funding)).toBe(true);
    expect(isNewSchool(founded, new Date('2027-09-01T00:00:00Z'), funding)).toBe(false);
    expect(isNewSchool(founded, new Date('2024-08-31T00:00:00Z'), funding)).toBe(false);
  });

  it('dates the school year, the payment and the reminder to FIN in Asia/Shanghai', () => {
    expect(schoolYearStartsAt(2027, policyConfig).toISOString()).toBe('2027-08-31T16:00:00.000Z');
    expect(defaultPaymentDate(2027, funding)).toBe('2027-10-31');
    expect(paymentReminderAt('2027-10-31', policyConfig).toISOString()).toBe('2027-10-23T16:00:00.000Z');
  });
});

describe('expert lecture fee (R-FUND-LECTURE)', () => {
  it('R-FUND-LECTURE: rate by title × teaching hours, in fen', () => {
    expect(lectureFeeFen('SENIOR', 3, funding)).toBe(240_000);
    expect(lectureFeeFen('PROFESSOR', 1, funding)).toBe(100_000);
  });

  it('R-FUND-LECTURE: refuses zero, fractional or too many hours', () => {
    expect(() => lectureFeeFen('SENIOR', 0, funding)).toThrow(RangeError);
    expect(() => lectureFeeFen('SENIOR', 1.5, funding)).toThrow(RangeError);
    expect(() => lectureFeeFen('SENIOR', funding.lectureMaxHoursPerClaim + 1, funding)).toThrow(RangeError);
  });

  it('R-FUND-LECTURE: only a backbone teacher working at the core school qualifies', () => {
    expect(isCoreBackbone({ currentSchoolId: 'core', backbone: 'SUBJECT_LEADER' }, 'core')).toBe(true);
    expect(isCoreBackbone({ currentSchoolId: 'core', backbone: 'NONE' }, 'core')).toBe(false);
    expect(isCoreBackbone({ currentSchoolId: 'member', backbone: 'BACKBONE' }, 'core')).toBe(false);
  });
});
