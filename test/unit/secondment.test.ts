import { describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import { secondmentNeedsPayRate, secondmentTeamShortfalls, termWaits, type SecondedMember } from '../../policy/secondment.js';

const team = (...posts: SecondedMember['post'][]): SecondedMember[] => posts.map((post, i) => ({ name: `成员${i + 1}`, post }));
const DAY = 24 * 60 * 60 * 1000;

describe('secondment team composition (R-SECOND-OUT, R-SECOND-IN, R-SECOND-NEWSCHOOL)', () => {
  it('R-SECOND-OUT: accepts a school-level leader and two middle managers from the core school', () => {
    expect(secondmentTeamShortfalls('CORE_TO_MEMBER', team('SCHOOL_LEADER', 'MIDDLE_MANAGER', 'MIDDLE_MANAGER'), policyConfig)).toEqual([]);
  });

  it('R-SECOND-OUT: counts a principal as a school-level leader', () => {
    expect(secondmentTeamShortfalls('CORE_TO_MEMBER', team('PRINCIPAL', 'MIDDLE_MANAGER', 'MIDDLE_MANAGER'), policyConfig)).toEqual([]);
  });

  it('R-SECOND-OUT: lists every shortfall at once', () => {
    expect(secondmentTeamShortfalls('CORE_TO_MEMBER', team('MIDDLE_MANAGER'), policyConfig)).toEqual([
      { need: 'SCHOOL_LEADER', required: 1, actual: 0 },
      { need: 'MIDDLE_MANAGER', required: 2, actual: 1 },
    ]);
  });

  it('R-SECOND-IN: a member school must send a principal, not just a school-level leader', () => {
    expect(secondmentTeamShortfalls('MEMBER_TO_CORE', team('SCHOOL_LEADER', 'MIDDLE_MANAGER', 'MIDDLE_MANAGER'), policyConfig)).toEqual([{ need: 'PRINCIPAL', required: 1, actual: 0 }]);
    expect(secondmentTeamShortfalls('MEMBER_TO_CORE', team('PRINCIPAL', 'MIDDLE_MANAGER', 'MIDDLE_MANAGER', 'MIDDLE_MANAGER'), policyConfig)).toEqual([]);
  });

  it('R-SECOND-NEWSCHOOL: the core school team needs the R-SECOND-OUT minimum and HR sets its pay rate', () => {
    expect(secondmentTeamShortfalls('NEW_SCHOOL', team('SCHOOL_LEADER', 'MIDDLE_MANAGER'), policyConfig)).toEqual([{ need: 'MIDDLE_MANAGER', required: 2, actual: 1 }]);
    expect(secondmentNeedsPayRate('NEW_SCHOOL')).toBe(true);
    expect(secondmentNeedsPayRate('CORE_TO_MEMBER')).toBe(false);
  });

  it('takes the minimum from the policy configuration', () => {
    const stricter = { secondment: { ...policyConfig.secondment, minMiddleManagers: 3 } };
    expect(secondmentTeamShortfalls('CORE_TO_MEMBER', team('SCHOOL_LEADER', 'MIDDLE_MANAGER', 'MIDDLE_MANAGER'), stricter)).toEqual([{ need: 'MIDDLE_MANAGER', required: 3, actual: 2 }]);
  });
});

describe('term waits (Asia/Shanghai)', () => {
  const now = new Date('2026-11-26T02:00:00Z'); // 10:00 in Shanghai

  it('waits until local midnight of the first day, reminds the lead days before the end of the last day', () => {
    const waits = termWaits(now, { startsOn: '2027-09-01', endsOn: '2029-08-31' }, 30, policyConfig);
    const start = Date.parse('2027-08-31T16:00:00Z');
    const end = Date.parse('2029-08-31T16:00:00Z');
    expect(waits).toEqual({ toStartMs: start - now.getTime(), toReminderMs: end - 30 * DAY - now.getTime(), toEndMs: end - now.getTime() });
  });

  it('starts at once a term approved after its first day, and reminds at once inside the lead time', () => {
    const waits = termWaits(now, { startsOn: '2026-09-01', endsOn: '2026-12-10' }, 30, policyConfig);
    expect(waits.toStartMs).toBe(0);
    expect(waits.toReminderMs).toBe(0);
    expect(waits.toEndMs).toBe(Date.parse('2026-12-10T16:00:00Z') - now.getTime());
  });

  it('never reminds before the term starts', () => {
    const waits = termWaits(now, { startsOn: '2027-03-01', endsOn: '2027-03-10' }, 30, policyConfig);
    expect(waits.toReminderMs).toBe(waits.toStartMs);
  });
});
