/**
 * Text bound for a spreadsheet cell, as OWASP's "CSV Injection" advises: Excel, WPS and LibreOffice
 * run a cell that starts with = + - @ (or a tab or carriage return before one) as a formula, and
 * names, titles and comments come from officials and imported files — `=HYPERLINK(...)` in a case
 * title would be a live link in the bureau's export. Such text gets a leading apostrophe, which
 * spreadsheets read as "this is text". Every export uses this: the reports' and organisation
 * data's CSV and `.xlsx` files on the server, and the console's own CSV. It lives in policy/
 * because the console imports only from there and it is pure.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A negative amount or percentage ("-10.50", "-1,234.00", "-5%") is a number to a spreadsheet, not a formula. */
const NUMBER = /^-?[\d,]+(\.\d+)?%?$/;

export function spreadsheetSafe<T extends string | number>(cell: T): T | string {
  if (typeof cell === 'number' || !FORMULA_START.test(cell) || NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/**
 * The text a cell held before spreadsheetSafe() marked it, so that an exported file imports back
 * unchanged; other text, an apostrophe included, is left as it is.
 */
export function fromSpreadsheet(text: string): string {
  return text.startsWith("'") && spreadsheetSafe(text.slice(1)) === text ? text.slice(1) : text;
}
