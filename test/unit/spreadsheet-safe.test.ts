/** Text bound for a spreadsheet cell (policy/spreadsheet.ts), as every export writes it. */
import { describe, expect, it } from 'vitest';
import { fromSpreadsheet, spreadsheetSafe } from '../../policy/spreadsheet.js';

describe('spreadsheet cells', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['=1+1', "'=1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+1', "'+1"],
    ['+86 学校', "'+86 学校"],
    ['-cmd', "'-cmd"],
    ['-1+1', "'-1+1"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('keeps %j from running as a formula', (text, expected) => {
    expect(spreadsheetSafe(text)).toBe(expected);
  });

  it('leaves numbers, negative amounts, percentages and ordinary text alone', () => {
    expect(spreadsheetSafe(-3)).toBe(-3);
    expect(spreadsheetSafe('-10.50')).toBe('-10.50');
    expect(spreadsheetSafe('-1,234.00')).toBe('-1,234.00');
    expect(spreadsheetSafe('-5%')).toBe('-5%');
    expect(spreadsheetSafe('85.0%')).toBe('85.0%');
    expect(spreadsheetSafe('第一中学')).toBe('第一中学');
    expect(spreadsheetSafe('a=b')).toBe('a=b');
    expect(spreadsheetSafe('≥ 80%')).toBe('≥ 80%');
    expect(spreadsheetSafe('')).toBe('');
  });

  it('reads back what it marked, and nothing else', () => {
    for (const text of ['=1+1', '@SUM(A1)', '+1', '-cmd', '第一中学', '-10.50']) expect(fromSpreadsheet(String(spreadsheetSafe(text)))).toBe(text);
    expect(fromSpreadsheet("'第一中学")).toBe("'第一中学");
    expect(fromSpreadsheet("'-10.50")).toBe("'-10.50");
    expect(fromSpreadsheet("'")).toBe("'");
  });
});
