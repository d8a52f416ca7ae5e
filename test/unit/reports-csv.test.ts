import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../../api/reports/table.js';

describe('report CSV cells', () => {
  it('keeps a name that starts like a formula from running in Excel', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://example.com")')).toBe(`'=HYPERLINK("http://example.com")`);
    expect(spreadsheetSafe('+86 学校')).toBe("'+86 学校");
    expect(spreadsheetSafe('@group')).toBe("'@group");
    expect(spreadsheetSafe('-cmd')).toBe("'-cmd");
  });

  it('leaves numbers, amounts, percentages and ordinary names alone', () => {
    expect(spreadsheetSafe(-3)).toBe(-3);
    expect(spreadsheetSafe('-10.50')).toBe('-10.50');
    expect(spreadsheetSafe('-1,234.00')).toBe('-1,234.00');
    expect(spreadsheetSafe('85.0%')).toBe('85.0%');
    expect(spreadsheetSafe('第一中学')).toBe('第一中学');
    expect(spreadsheetSafe('≥ 80%')).toBe('≥ 80%');
  });
});
