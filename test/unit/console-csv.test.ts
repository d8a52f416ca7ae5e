/** The console's own CSV export (the case search's "export"), as a spreadsheet will read it. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../web/src/lib/csv.js';

describe('console CSV', () => {
  it('marks a case title that a spreadsheet would run as a formula, and keeps numbers and plain text', async () => {
    const blob = toCsv([
      ['事项标题', '数量'],
      ['=HYPERLINK("http://x","y")', -3],
      ['@SUM(A1)', '-10.50'],
      ['申请集团教研经费', 2],
    ]);

    const bytes = new Uint8Array(await blob.arrayBuffer());

    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(new TextDecoder().decode(bytes))).toEqual([
      ['事项标题', '数量'],
      [`'=HYPERLINK("http://x","y")`, '-3'],
      ["'@SUM(A1)", '-10.50'],
      ['申请集团教研经费', '2'],
    ]);
  });
});
