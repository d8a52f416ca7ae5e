/** The calendar API's requests (issue 14 point 1). */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { safeText } from '../../policy/text.js';

const dayKind = z.enum(['HOLIDAY', 'WORKING_DAY']);
// A holiday's name is shown in the console; a day may have none.
const holidayName = safeText(40, { blank: true });

export const calendarDay = z.object({
  date: safeText(10).regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  kind: dayKind,
  name: holidayName.default(''),
});

export const calendarYearBody = z.object({
  /** Public holidays (HOLIDAY, weekend days inside them too) and weekend days made working days (WORKING_DAY, 调休). */
  days: z.array(calendarDay).max(366),
});

export const calendarYearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const KIND_WORDS: Record<string, 'HOLIDAY' | 'WORKING_DAY'> = { HOLIDAY: 'HOLIDAY', WORKING_DAY: 'WORKING_DAY', 休: 'HOLIDAY', 班: 'WORKING_DAY' };

/**
 * A year's list as the bureau keeps it in a spreadsheet: `date,kind,name` per line (kind HOLIDAY or
 * 休, WORKING_DAY or 班), an optional header line. Returns the JSON body it stands for.
 */
export function calendarCsv(text: string): unknown {
  const rows = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  const body = rows[0]?.[0]?.toLowerCase() === 'date' ? rows.slice(1) : rows;
  return { days: body.map(([date = '', kind = '', name = '']) => ({ date, kind: KIND_WORDS[kind.toUpperCase()] ?? KIND_WORDS[kind] ?? kind, name })) };
}
