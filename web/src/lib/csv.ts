import { spreadsheetSafe } from '../../../policy/spreadsheet.js';

/**
 * CSV for spreadsheets: quoted cells and a BOM, so Excel and WPS open Chinese text correctly; text
 * that a spreadsheet would run as a formula (a case titled =HYPERLINK(...)) is marked as text.
 */
export function toCsv(rows: (string | number)[][]): Blob {
  const cell = (v: string | number) => {
    const s = String(spreadsheetSafe(v));
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return new Blob([`\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}
