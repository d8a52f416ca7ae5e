/**
 * Streams the rows of uploaded files, sheet by sheet: `.xlsx` through exceljs' WorkbookReader (the
 * workbook is never held in memory whole; see xlsx-stream.ts), CSV through csv-parse after decoding UTF-8 (with or
 * without BOM) or GB18030, which Chinese Excel writes for "CSV".
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { RawCell } from './cells.js';
import { worksheetsOf } from './xlsx-stream.js';

export interface SourceFile {
  /** Where the bytes are. */
  path: string;
  /** The name the user gave the file; CSV sheets are named after it. */
  name: string;
}

export interface SheetRow {
  number: number;
  cells: RawCell[];
}

export interface Sheet {
  name: string;
  rows: AsyncIterable<SheetRow>;
}

export type FileFormat = 'csv' | 'xlsx';

export function formatOf(fileName: string): FileFormat | undefined {
  const ext = path.extname(fileName).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : undefined;
}

/** Each sheet's rows must be read to the end before the next sheet is asked for. */
export function sheetsOf(file: SourceFile, onBytes: (n: number) => void = () => {}): AsyncIterable<Sheet> {
  return formatOf(file.name) === 'csv' ? csvSheets(file, onBytes) : xlsxSheets(file, onBytes);
}

function counted(file: SourceFile, onBytes: (n: number) => void): Readable {
  return createReadStream(file.path).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        onBytes(chunk.length);
        done(null, chunk);
      },
    }),
  );
}

async function* xlsxSheets(file: SourceFile, onBytes: (n: number) => void): AsyncGenerator<Sheet> {
  for await (const worksheet of worksheetsOf(counted(file, onBytes))) yield { name: worksheet.name, rows: xlsxRows(worksheet.rows) };
}

async function* xlsxRows(worksheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<SheetRow> {
  for await (const row of worksheet) {
    const values = row.values as ExcelJS.CellValue[];
    // exceljs numbers columns from 1.
    yield { number: row.number, cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => xlsxCell(values[i + 1])) };
  }
}

function xlsxCell(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return xlsxCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : xlsxCell(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}

async function* csvSheets(file: SourceFile, onBytes: (n: number) => void): AsyncGenerator<Sheet> {
  const encoding = (await isUtf8(file.path)) ? 'utf8' : 'gb18030';
  yield { name: file.name, rows: csvRows(file, encoding, onBytes) };
}

async function* csvRows(file: SourceFile, encoding: string, onBytes: (n: number) => void): AsyncGenerator<SheetRow> {
  // iconv-lite drops a leading BOM while decoding.
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, info: true });
  const done = pipeline(counted(file, onBytes), iconv.decodeStream(encoding), parser);
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { number: info.lines, cells: record };
  }
  await done;
}

/** A file that decodes as strict UTF-8 is UTF-8; Chinese text in GB18030 practically never does. */
async function isUtf8(filePath: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(filePath)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
