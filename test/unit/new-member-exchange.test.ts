import { describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import { newMemberTeacherCount } from '../../policy/exchange.js';

describe('R-EXCH-NEWMEMBER: teachers a joining member school sends', () => {
  it('uses the configured default when the group set no number', () => {
    expect(newMemberTeacherCount(null, { exchange: { ...policyConfig.exchange, newMemberTeachers: 3 } })).toBe(3);
  });

  it("uses the group's own number over the default", () => {
    expect(newMemberTeacherCount(5, policyConfig)).toBe(5);
  });
});
