/**
 * Turns uploaded files into typed rows per entity: finds which entity each sheet holds (by its
 * name, else by its key column), maps Chinese or English headers to fields, and checks each cell
 * on its own. Checks that need other rows or the database come later (check-import.ts).
 */
import { stat } from 'node:fs/promises';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../config/env.js';
import { cellText, isBlank, parseCell, type RawCell } from './cells.js';
import { ENTITIES, ENTITY_KEYS, type AnyEntitySpec, type EntityKey, type FieldValue, type Views } from './entities.js';
import type { Problem } from './problems.js';
import { formatOf, sheetsOf, type SheetRow, type SourceFile } from './read-files.js';
import { declaredUnpackedBytes } from './zip-size.js';

export interface SheetInfo {
  name: string;
  entity: EntityKey;
  /** The header each field was found under, as written in the file. */
  columnOf: Partial<Record<string, string>>;
}

/** A field is undefined when its column is absent (keep what is stored), null when the cell is blank. */
export type RowValues<V> = { [F in keyof V]?: V[F] | null };

export interface ParsedRow<K extends EntityKey> {
  sheet: SheetInfo;
  row: number;
  values: RowValues<Views[K]>;
  /** Each read cell as written, for reports. */
  raw: Partial<Record<keyof Views[K], string>>;
  /** A cell of the row has an error (already reported): the row takes part in checks, not in changes. */
  invalid: boolean;
}

export type ParsedRows = { [K in EntityKey]: ParsedRow<K>[] };

export interface ImportInput {
  rows: ParsedRows;
  problems: Problem[];
}

export type ReadProgress = (bytesRead: number, bytesTotal: number) => void;

/** Sheets of instructions (as in the templates) are skipped without a word. */
const INSTRUCTION_SHEETS = new Set(['说明', '填写说明', 'readme', 'instructions']);
/** When a sheet's name says nothing, its key column does; more specific keys are tried first. */
const DETECTION_ORDER: readonly EntityKey[] = ['teachers', 'officials', 'schools', 'groups'];

function normalizeName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_*\-():：]/g, '');
}

export async function readImport(files: readonly SourceFile[], onProgress: ReadProgress = () => {}, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ImportInput> {
  const input: ImportInput = { rows: { groups: [], schools: [], teachers: [], officials: [] }, problems: [] };
  const sizes = await Promise.all(files.map((f) => stat(f.path).then((s) => s.size)));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  // Checked before a byte is parsed: an .xlsx by what its zip directory declares (a file that is no zip is left for the reader to report).
  const unpacked = await Promise.all(files.map(async (f, i) => (formatOf(f.name) === 'xlsx' ? ((await declaredUnpackedBytes(f.path)) ?? sizes[i]!) : sizes[i]!)));
  const unpackedTotal = unpacked.reduce((sum, size) => sum + size, 0);
  if (unpackedTotal > limits.maxUnpackedBytes) {
    const mb = (bytes: number) => (bytes === Infinity ? '> 4096' : (bytes / 1048576).toFixed(1));
    input.problems.push({ code: 'IMPORT_TOO_LARGE', sheet: files.map((f) => f.name).join(', '), row: null, column: null, value: null, params: { size: mb(unpackedTotal), max: mb(limits.maxUnpackedBytes) } });
    return input;
  }
  let read = 0;
  const onBytes = (n: number) => {
    read += n;
    onProgress(read, total);
  };
  for (const file of files) {
    const format = formatOf(file.name);
    if (!format) {
      input.problems.push({ code: 'UNSUPPORTED_FILE', sheet: file.name, row: null, column: null, value: null });
      continue;
    }
    try {
      for await (const sheet of sheetsOf(file, onBytes)) await readSheet(sheet.name, sheet.rows, format === 'csv', input, limits);
    } catch (err) {
      input.problems.push({ code: 'UNREADABLE_FILE', sheet: file.name, row: null, column: null, value: null, params: { detail: err instanceof Error ? err.message : String(err) } });
    }
  }
  const rowCount = ENTITY_KEYS.reduce((n, k) => n + input.rows[k].length, 0);
  if (rowCount === 0 && !input.problems.some((p) => p.code === 'UNREADABLE_FILE' || p.code === 'UNSUPPORTED_FILE')) {
    input.problems.push({ code: 'NO_ROWS', sheet: files.map((f) => f.name).join(', '), row: null, column: null, value: null });
  }
  return input;
}

async function readSheet(name: string, rows: AsyncIterable<SheetRow>, isCsvFile: boolean, input: ImportInput, limits: ImportLimits): Promise<void> {
  let header: { sheet: SheetInfo; fieldAt: (string | undefined)[] } | undefined;
  let skip = INSTRUCTION_SHEETS.has(normalizeName(name));
  let dataRows = 0;
  for await (const { number, cells } of rows) {
    // Reading on (and ignoring) keeps the stream flowing to the next sheet.
    if (skip || cells.every(isBlank)) continue;
    if (!header) {
      header = readHeader(name, number, cells, isCsvFile, input.problems);
      if (!header) skip = true;
      continue;
    }
    dataRows += 1;
    if (dataRows > limits.maxRowsPerSheet) {
      input.problems.push({ code: 'TOO_MANY_ROWS', sheet: name, row: number, column: null, value: null, params: { max: limits.maxRowsPerSheet } });
      skip = true;
      continue;
    }
    readRow(header.sheet, header.fieldAt, number, cells, input, limits);
  }
}

function entityOfSheet(name: string, headers: readonly string[]): EntityKey | undefined {
  const sheetName = normalizeName(name.replace(/\.csv$/i, ''));
  const byName = ENTITY_KEYS.find((k) => {
    const spec = ENTITIES[k] as AnyEntitySpec;
    return [spec.key, spec.sheetZh, spec.sheetEn, ...spec.aliases].some((alias) => normalizeName(alias) === sheetName);
  });
  if (byName) return byName;
  const normalized = new Set(headers.map(normalizeName));
  return DETECTION_ORDER.find((k) => headerNames((ENTITIES[k] as AnyEntitySpec).columns[0]!).some((h) => normalized.has(h)));
}

function headerNames(column: AnyEntitySpec['columns'][number]): string[] {
  return [column.zh, column.en, column.field].map(normalizeName);
}

function readHeader(name: string, rowNumber: number, cells: RawCell[], isCsvFile: boolean, problems: Problem[]) {
  const headers = cells.map(cellText);
  const entity = entityOfSheet(name, headers);
  if (!entity) {
    problems.push({ code: isCsvFile ? 'UNKNOWN_FILE' : 'UNKNOWN_SHEET', sheet: name, row: null, column: null, value: null });
    return undefined;
  }
  const spec = ENTITIES[entity] as AnyEntitySpec;
  const sheet: SheetInfo = { name, entity, columnOf: {} };
  const fieldAt = headers.map((text) => {
    if (text === '') return undefined;
    const column = spec.columns.find((c) => headerNames(c).includes(normalizeName(text)));
    if (!column) {
      problems.push({ code: 'UNKNOWN_COLUMN', sheet: name, row: rowNumber, column: text, value: null });
      return undefined;
    }
    if (sheet.columnOf[column.field] !== undefined) {
      problems.push({ code: 'DUPLICATE_COLUMN', sheet: name, row: rowNumber, column: text, value: null });
      return undefined;
    }
    sheet.columnOf[column.field] = text;
    return column.field;
  });
  // Other required columns may be left out of a file that only updates (checked per new record).
  const key = spec.columns[0]!;
  if (sheet.columnOf[key.field] === undefined) {
    problems.push({ code: 'MISSING_KEY_COLUMN', sheet: name, row: rowNumber, column: null, value: null, params: { column: `${key.zh} / ${key.en}` } });
    return undefined;
  }
  return { sheet, fieldAt };
}

function readRow(sheet: SheetInfo, fieldAt: readonly (string | undefined)[], rowNumber: number, cells: RawCell[], input: ImportInput, limits: ImportLimits): void {
  const spec = ENTITIES[sheet.entity] as AnyEntitySpec;
  const values: Record<string, FieldValue> = {};
  const rawText: Record<string, string> = {};
  let keyUsable = true;
  let invalid = false;
  for (const column of spec.columns) {
    const at = fieldAt.indexOf(column.field);
    if (at < 0) continue;
    const raw = cells[at] ?? null;
    rawText[column.field] = cellText(raw);
    const parsed: ReturnType<typeof parseCell> = typeof raw === 'string' && raw.length > limits.maxCellChars ? { ok: false, code: 'CELL_TOO_LONG', params: { max: limits.maxCellChars } } : parseCell(column.kind, raw);
    const problem = (code: Problem['code'], params?: Problem['params']) =>
      input.problems.push({ code, sheet: sheet.name, row: rowNumber, column: sheet.columnOf[column.field] ?? column.zh, value: cellText(raw) || null, ...(params ? { params } : {}) });
    if (!parsed.ok) problem(parsed.code, parsed.params);
    else if (parsed.value === null && column.required) problem('REQUIRED');
    else values[column.field] = parsed.value;
    if (!parsed.ok || (parsed.value === null && column.required)) invalid = true;
    if (column === spec.columns[0] && (!parsed.ok || parsed.value === null)) keyUsable = false;
  }
  // A row without a usable key cannot be matched to anything; its problem is already reported.
  if (keyUsable) (input.rows[sheet.entity] as ParsedRow<EntityKey>[]).push({ sheet, row: rowNumber, values: values as RowValues<Views[EntityKey]>, raw: rawText, invalid });
}
