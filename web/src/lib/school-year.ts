/** The school year (its starting calendar year) after the current one, on the Asia/Shanghai calendar; school years start in September. */
export function nextSchoolYear(now: Date = new Date()): number {
  // Asia/Shanghai is UTC+8 all year round.
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const year = shanghai.getUTCFullYear();
  return (shanghai.getUTCMonth() >= 8 ? year : year - 1) + 1;
}
