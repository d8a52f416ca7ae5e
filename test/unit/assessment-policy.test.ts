/** R-REVIEW-3Y, R-TIER-DYNAMIC and R-GROUP-SIZE as pure functions. */
import { describe, expect, it } from 'vitest';
import { assessmentKindOf, groupStructure, tierAfterMove } from '../../policy/assessment.js';

describe('assessment policy', () => {
  it('R-REVIEW-3Y: full reviews close the group\'s third, sixth… school year', () => {
    expect([2025, 2026, 2027, 2028, 2029, 2030, 2031].map((y) => assessmentKindOf(y, 2026))).toEqual(['ANNUAL', 'ANNUAL', 'ANNUAL', 'FULL_REVIEW', 'ANNUAL', 'ANNUAL', 'FULL_REVIEW']);
  });

  it('R-TIER-DYNAMIC: tiers move up (towards 1) or down, within the tiers that exist', () => {
    expect([tierAfterMove(2, 1), tierAfterMove(2, -1), tierAfterMove(1, 1), tierAfterMove(3, -3)]).toEqual([1, 3, 1, 4]);
  });

  it('R-GROUP-SIZE: 4–6 members within, 7–8 need a justification, more is too large', () => {
    expect([3, 4, 6, 7, 8, 9].map((n) => groupStructure(n, 1).verdict)).toEqual(['TOO_SMALL', 'WITHIN', 'WITHIN', 'NEEDS_JUSTIFICATION', 'NEEDS_JUSTIFICATION', 'TOO_LARGE']);
  });
});
