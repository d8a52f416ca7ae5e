/**
 * A report leaves as JSON (typed rows) or as CSV (the same rows flattened into labelled columns).
 * CSV is UTF-8 with a BOM, which is how Excel knows to read the Chinese headers as UTF-8.
 */
import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../policy/spreadsheet.js';
import { prefersEnglish } from '../errors.js';

export type Lang = 'zh' | 'en';

export interface Column<Row> {
  zh: string;
  en: string;
  cell: (row: Row, lang: Lang) => string | number;
}

export interface Report<Row> {
  /** Also the CSV file's name. */
  name: string;
  /** Facts of the whole report (school year, generation time), sent with the JSON rows. */
  meta: Record<string, unknown>;
  rows: Row[];
  columns: Column<Row>[];
}

export const yesNo = (value: boolean, lang: Lang) => (lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no');
export const metOrNot = (met: boolean, lang: Lang) => (lang === 'zh' ? (met ? '达标' : '未达标') : met ? 'met' : 'not met');

/** `?format=csv` wins; without it, an Accept header that prefers text/csv. */
function wantsCsv(req: Request, format: 'json' | 'csv' | undefined): boolean {
  return format ? format === 'csv' : req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

export function sendReport<Row>(req: Request, res: Response, format: 'json' | 'csv' | undefined, report: Report<Row>): void {
  if (!wantsCsv(req, format)) {
    res.json({ report: report.name, ...report.meta, rows: report.rows });
    return;
  }
  const lang: Lang = prefersEnglish(req) ? 'en' : 'zh';
  const records = [report.columns.map((c) => c[lang]), ...report.rows.map((row) => report.columns.map((c) => spreadsheetSafe(c.cell(row, lang))))];
  res.type('text/csv; charset=utf-8').attachment(`${report.name}.csv`).send(stringify(records, { bom: true }));
}

/** An OpenAPI operation of a report: its 200 answer is JSON or CSV. */
export function reportOperation<Op extends { responses: Record<string, unknown> }>(operation: Op): Op {
  const ok = { description: 'The report; CSV (UTF-8 with BOM, zh-CN headers unless `Accept-Language: en`) with `?format=csv` or `Accept: text/csv`', content: { 'application/json': {}, 'text/csv': {} } };
  return { ...operation, responses: { ...operation.responses, '200': ok } };
}
