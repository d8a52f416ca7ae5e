/**
 * Import files for tests: the CSV fixtures with a per-test tag in every natural key, written as
 * UTF-8 (with or without BOM) or GB18030, or laid into an `.xlsx` workbook; and the HTTP calls of
 * the org-data API.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { TestApi } from './api.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'org-data');

export type Entity = 'groups' | 'schools' | 'teachers' | 'officials';
export type Encoding = 'utf8' | 'utf8-bom' | 'gb18030';

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

export const newTag = () => randomUUID().slice(0, 6);

/** A fixture's text with `{tag}` replaced, so each test has keys of its own in the shared database. */
export function fixture(lang: 'zh' | 'en', entity: Entity, tag: string): string {
  return readFileSync(path.join(FIXTURES, lang, `${entity}.csv`), 'utf8').replaceAll('{tag}', tag);
}

export function csvFile(name: string, text: string, encoding: Encoding = 'utf8-bom'): UploadFile {
  if (encoding === 'gb18030') return { name, bytes: iconv.encode(text, 'gb18030') };
  return { name, bytes: Buffer.from(encoding === 'utf8-bom' ? `\uFEFF${text}` : text, 'utf8') };
}

export function rowsOf(text: string): string[][] {
  return parse(text, { relax_column_count: true }) as string[][];
}

export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n') + '\n';
}

/** Edits a fixture: `edit` gets the data rows (header excluded) and returns the rows to keep. */
export function editFixture(text: string, edit: (rows: string[][]) => string[][]): string {
  const [header, ...rows] = rowsOf(text);
  return csvText([header!, ...edit(rows)]);
}

export type XlsxCell = string | number | boolean | Date | null;

export async function xlsxFile(name: string, sheets: { name: string; rows: XlsxCell[][] }[]): Promise<UploadFile> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      }),
    );
  }
  return { name, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

export async function upload(api: TestApi, token: string, files: UploadFile[], lang?: string) {
  const form = new FormData();
  for (const file of files) form.append('files', new Blob([file.bytes]), file.name);
  const response = await fetch(`${api.url}/api/org-data/imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}`, ...(lang ? { 'accept-language': lang } : {}) } });
  return { status: response.status, body: (await response.json()) as any };
}

export async function download(api: TestApi, token: string, pathAndQuery: string, lang?: string) {
  const response = await fetch(`${api.url}/api/org-data/${pathAndQuery}`, { headers: { authorization: `Bearer ${token}`, ...(lang ? { 'accept-language': lang } : {}) } });
  return { status: response.status, type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', bytes: new Uint8Array(await response.arrayBuffer()) };
}

export async function readXlsx(bytes: Uint8Array): Promise<Map<string, XlsxCell[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets = new Map<string, XlsxCell[][]>();
  workbook.eachSheet((ws) => {
    const rows: XlsxCell[][] = [];
    ws.eachRow((row) => rows.push((row.values as XlsxCell[]).slice(1)));
    sheets.set(ws.name, rows);
  });
  return sheets;
}
