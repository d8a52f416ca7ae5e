/**
 * Search by part of a text. Prisma hands `contains` to PostgreSQL as a LIKE (ILIKE) pattern without
 * escaping it, so a `%` or `_` an official types would match anything; they, and the backslash that
 * is LIKE's escape character, are escaped here. Every `contains` search of the API goes through this.
 */
export function containsText(text: string) {
  return { contains: text.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' as const };
}
