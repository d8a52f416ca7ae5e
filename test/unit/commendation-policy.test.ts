/** R-AWARD-ANNUAL as pure functions: the forms' rules and the outcome of each review. */
import { describe, expect, it } from 'vitest';
import { commendationForms, districtOutcome, endorsementOutcome } from '../../policy/commendation.js';

const [a, b, c] = ['0b9c6a4e-6f7e-4c35-9a53-8f3f9f0e1a01', '0b9c6a4e-6f7e-4c35-9a53-8f3f9f0e1a02', '0b9c6a4e-6f7e-4c35-9a53-8f3f9f0e1a03'] as const;

describe('commendation policy', () => {
  it('R-AWARD-ANNUAL: the group endorses some nominees; the others are not selected', () => {
    expect(endorsementOutcome([a, b], [a, c]).map((o) => o.status)).toEqual(['GROUP_ENDORSED', 'NOT_SELECTED']);
  });

  it('R-AWARD-ANNUAL: the district list commends, recommends to the city with a preference, and drops the rest', () => {
    const outcome = districtOutcome([a, b, c], { listed: [{ nominationId: a, cityRecommended: true, cityPreference: 'MOST_BEAUTIFUL_TEACHER' }, { nominationId: b, cityRecommended: false }] });
    expect(outcome.map((o) => [o.status, o.cityPreference])).toEqual([
      ['CITY_RECOMMENDED', 'MOST_BEAUTIFUL_TEACHER'],
      ['DISTRICT_LISTED', null],
      ['NOT_SELECTED', null],
    ]);
  });

  it('R-AWARD-ANNUAL: a city preference needs a city recommendation, and a nominee is listed once', () => {
    expect(commendationForms().DISTRICT_LIST.safeParse({ listed: [{ nominationId: a, cityRecommended: false, cityPreference: 'EXCELLENT_HEAD_TEACHER' }] }).success).toBe(false);
    expect(commendationForms().DISTRICT_LIST.safeParse({ listed: [{ nominationId: a, cityRecommended: false }, { nominationId: a, cityRecommended: true }] }).success).toBe(false);
    expect(commendationForms().NOMINATIONS.safeParse({ nominees: [] }).success).toBe(true);
    expect(commendationForms().NOMINATIONS.safeParse({ nominees: [{ name: '王', reason: 'x' }, { name: '王', reason: 'y' }] }).success).toBe(false);
  });
});
