/**
 * R-STAFF-ANNUAL: "total control, dynamic balance" — each year the group's fixed staffing total
 * is shared among its schools in proportion to enrolment. Pure integer arithmetic.
 */

export interface Enrolment {
  schoolId: string;
  enrolment: number;
}

export interface Quota extends Enrolment {
  quota: number;
}

/**
 * Largest-remainder (Hamilton) allocation: each school gets the whole part of its proportional
 * share, and the posts left over go to the largest remainders (ties: larger enrolment, then
 * school id), so the quotas always sum exactly to `total`.
 */
export function allocateQuotas(total: number, enrolments: readonly Enrolment[]): Quota[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer, got ${total}`);
  if (enrolments.some((e) => !Number.isInteger(e.enrolment) || e.enrolment < 0)) throw new RangeError('enrolments must be non-negative integers');
  const pupils = enrolments.reduce((sum, e) => sum + e.enrolment, 0);
  if (pupils === 0) throw new RangeError('the schools have no pupils to share the total by');
  // total × enrolment stays an exact integer well inside 2^53 for any real group.
  const shares = enrolments.map((e) => ({ ...e, quota: Math.floor((total * e.enrolment) / pupils), remainder: (total * e.enrolment) % pupils }));
  let left = total - shares.reduce((sum, s) => sum + s.quota, 0);
  const byRemainder = [...shares].sort((a, b) => b.remainder - a.remainder || b.enrolment - a.enrolment || (a.schoolId < b.schoolId ? -1 : 1));
  for (const share of byRemainder) {
    if (left === 0) break;
    share.quota += 1;
    left -= 1;
  }
  return shares.map(({ schoolId, enrolment, quota }) => ({ schoolId, enrolment, quota }));
}
