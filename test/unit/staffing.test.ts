import { describe, expect, it } from 'vitest';
import { allocateQuotas } from '../../policy/staffing.js';

const sum = (quotas: { quota: number }[]) => quotas.reduce((s, q) => s + q.quota, 0);

describe('staffing quotas by enrolment (R-STAFF-ANNUAL, largest remainder)', () => {
  it('R-STAFF-ANNUAL: shares exactly proportional totals without rounding', () => {
    expect(allocateQuotas(100, [{ schoolId: 'a', enrolment: 600 }, { schoolId: 'b', enrolment: 400 }]).map((q) => q.quota)).toEqual([60, 40]);
  });

  it('R-STAFF-ANNUAL: gives the posts left over to the largest remainders', () => {
    const quotas = allocateQuotas(10, [{ schoolId: 'a', enrolment: 700 }, { schoolId: 'b', enrolment: 200 }, { schoolId: 'c', enrolment: 100 }]);
    expect(quotas.map((q) => q.quota)).toEqual([7, 2, 1]);
    // Equal remainders: the tie goes to the first school id.
    const uneven = allocateQuotas(10, [{ schoolId: 'a', enrolment: 1 }, { schoolId: 'b', enrolment: 1 }, { schoolId: 'c', enrolment: 1 }]);
    expect(uneven.map((q) => q.quota)).toEqual([4, 3, 3]);
    const hamilton = allocateQuotas(25, [{ schoolId: 'x', enrolment: 1520 }, { schoolId: 'y', enrolment: 1030 }, { schoolId: 'z', enrolment: 450 }]);
    // Shares 12.667, 8.583, 3.75: floors 12, 8, 3 leave 2 posts for x (0.667) and z (0.75).
    expect(hamilton.map((q) => q.quota)).toEqual([13, 8, 4]);
  });

  it('R-STAFF-ANNUAL: always sums to the fixed group total', () => {
    for (let total = 0; total < 60; total += 7) {
      const quotas = allocateQuotas(total, [{ schoolId: 'a', enrolment: 333 }, { schoolId: 'b', enrolment: 1 }, { schoolId: 'c', enrolment: 977 }, { schoolId: 'd', enrolment: 0 }]);
      expect(sum(quotas)).toBe(total);
      expect(quotas.every((q) => Number.isInteger(q.quota) && q.quota >= 0)).toBe(true);
    }
  });

  it('R-STAFF-ANNUAL: refuses a negative total, fractional enrolment or no pupils at all', () => {
    expect(() => allocateQuotas(-1, [{ schoolId: 'a', enrolment: 1 }])).toThrow(RangeError);
    expect(() => allocateQuotas(5, [{ schoolId: 'a', enrolment: 1.5 }])).toThrow(RangeError);
    expect(() => allocateQuotas(5, [{ schoolId: 'a', enrolment: 0 }])).toThrow(RangeError);
  });
});
