import { describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import { groupSizeAfter, isNewSchool } from '../../policy/group-structure.js';

describe('group size after a structure change (R-GROUP-SIZE)', () => {
  it('accepts a 5th or 6th member as standard', () => {
    expect(groupSizeAfter('ADD_MEMBER', 4, 'TIGHT', policyConfig)).toEqual({ after: 5, verdict: 'OK' });
    expect(groupSizeAfter('ADD_MEMBER', 5, 'TIGHT', policyConfig)).toEqual({ after: 6, verdict: 'OK' });
  });

  it('needs a justification for a 7th or 8th member', () => {
    expect(groupSizeAfter('ADD_MEMBER', 6, 'TIGHT', policyConfig)).toEqual({ after: 7, verdict: 'NEEDS_JUSTIFICATION' });
    expect(groupSizeAfter('ADD_MEMBER', 7, 'TIGHT', policyConfig)).toEqual({ after: 8, verdict: 'NEEDS_JUSTIFICATION' });
  });

  it('refuses a 9th member', () => {
    expect(groupSizeAfter('ADD_MEMBER', 8, 'TIGHT', policyConfig)).toEqual({ after: 9, verdict: 'TOO_LARGE' });
  });

  it('warns when a removal leaves fewer than 4 members', () => {
    expect(groupSizeAfter('REMOVE_MEMBER', 4, 'TIGHT', policyConfig)).toEqual({ after: 3, verdict: 'BELOW_MIN' });
    expect(groupSizeAfter('REMOVE_MEMBER', 5, 'TIGHT', policyConfig)).toEqual({ after: 4, verdict: 'OK' });
  });

  it('R-GROUP-ALLIANCE, R-GROUP-SUBCORE: alliance links and sub-core promotion leave the count alone', () => {
    expect(groupSizeAfter('ALLIANCE_LINK', 8, 'TIGHT', policyConfig)).toEqual({ after: 8, verdict: 'OK' });
    expect(groupSizeAfter('SUB_CORE', 8, 'TIGHT', policyConfig)).toEqual({ after: 8, verdict: 'OK' });
  });

  it('does not limit a loose group', () => {
    expect(groupSizeAfter('ADD_MEMBER', 12, 'LOOSE', policyConfig)).toEqual({ after: 13, verdict: 'OK' });
  });
});

describe('new school (R-FUND-NEWSCHOOL: founded less than 3 years before)', () => {
  const founded = new Date('2024-09-01');

  it('is new until the third anniversary of its founding, in Asia/Shanghai', () => {
    expect(isNewSchool(founded, new Date('2027-08-31T15:59:00Z'), policyConfig)).toBe(true); // 23:59 on 31 Aug
    expect(isNewSchool(founded, new Date('2027-08-31T16:00:00Z'), policyConfig)).toBe(false); // 00:00 on 1 Sep
  });
});
