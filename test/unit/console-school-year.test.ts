import { describe, expect, it } from 'vitest';
import { nextSchoolYear } from '../../web/src/lib/school-year.js';

describe('console school year', () => {
  it('offers the school year after the current one, which starts on 1 September in Asia/Shanghai', () => {
    expect(nextSchoolYear(new Date('2026-11-26T12:00:00Z'))).toBe(2027);
    expect(nextSchoolYear(new Date('2027-03-01T12:00:00Z'))).toBe(2027);
    // 31 August 16:00 UTC is already 1 September in Shanghai.
    expect(nextSchoolYear(new Date('2027-08-31T15:59:00Z'))).toBe(2027);
    expect(nextSchoolYear(new Date('2027-08-31T16:00:00Z'))).toBe(2028);
  });
});
