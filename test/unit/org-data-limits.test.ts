/** The pieces of the import limits: the zip directory's declared size, the echo of a value, the configuration. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echo } from '../../api/org-data/problems.js';
import { declaredUnpackedBytes } from '../../api/org-data/zip-size.js';
import { DEFAULT_IMPORT_LIMITS, importLimitsOf, loadEnv } from '../../config/env.js';
import { xlsxFile } from '../support/org-data-files.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'zip-size-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function written(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

describe('what a zip declares it unpacks to', () => {
  it('counts what the entries unpack to, however well they compress', async () => {
    const names = Array.from({ length: 1000 }, (_, i) => `${'王'.repeat(100)}${i}`);
    const { bytes } = await xlsxFile('教师.xlsx', [{ name: '教师', rows: names.map((name) => [name]) }]);

    const declared = await declaredUnpackedBytes(await written('names.xlsx', bytes));

    // The names alone are 300 KB of UTF-8, in a workbook of a few kilobytes.
    expect(bytes.length).toBeLessThan(30_000);
    expect(declared).toBeGreaterThan(names.reduce((sum, n) => sum + Buffer.byteLength(n), 0));
    expect(declared).toBeLessThan(2 * 1024 * 1024);
  });

  it('says nothing of a file that is no zip', async () => {
    expect(await declaredUnpackedBytes(await written('text.xlsx', new TextEncoder().encode('工号,姓名\nT1,王芳\n')))).toBeUndefined();
    expect(await declaredUnpackedBytes(await written('empty.xlsx', new Uint8Array()))).toBeUndefined();
  });
});

describe('a value echoed in a report', () => {
  it('keeps 64 characters and marks the cut, without splitting a character outside the BMP', () => {
    expect(echo('王'.repeat(64))).toBe('王'.repeat(64));
    expect(echo('王'.repeat(65))).toBe(`${'王'.repeat(64)}…`);
    expect(echo('𠀀'.repeat(64))).toBe('𠀀'.repeat(64));
    expect(echo('𠀀'.repeat(100))).toBe(`${'𠀀'.repeat(64)}…`);
    expect(echo(null)).toBeNull();
  });
});

describe('import limits from the environment', () => {
  it('has defaults and takes whole numbers', () => {
    expect(DEFAULT_IMPORT_LIMITS).toEqual({ maxUnpackedBytes: 200 * 1024 * 1024, maxRowsPerSheet: 200_000, maxCellChars: 5_000 });
    expect(importLimitsOf(loadEnv({ IMPORT_MAX_UNPACKED_MB: '10', IMPORT_MAX_ROWS_PER_SHEET: '1000', IMPORT_MAX_CELL_CHARS: '300' }))).toEqual({ maxUnpackedBytes: 10 * 1024 * 1024, maxRowsPerSheet: 1000, maxCellChars: 300 });
    expect(() => loadEnv({ IMPORT_MAX_ROWS_PER_SHEET: '0' })).toThrow(/IMPORT_MAX_ROWS_PER_SHEET: must be a whole number, 1 or more/);
  });
});
