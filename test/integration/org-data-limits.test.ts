/**
 * The limits of an organisation-data import (issue 13.7), set low here: what the files unpack to
 * (an .xlsx by its zip directory, before parsing), rows per sheet and characters per cell. An
 * upload over one is refused with the report and deleted at once; reports echo a cut-down value.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgDataApi, type OrgDataApi } from '../support/org-data-api.js';
import { csvFile, editFixture, fixture, newTag, upload, xlsxFile } from '../support/org-data-files.js';

let t: OrgDataApi;
let uploadDir: string;
const limits = { maxUnpackedBytes: 200 * 1024, maxRowsPerSheet: 5, maxCellChars: 150 };

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(os.tmpdir(), 'org-data-limits-'));
  t = await startOrgDataApi({ uploadDir, importLimits: limits });
});

afterAll(async () => {
  await t?.close();
  if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
});

/** Files waiting in the upload directory: multer's incoming files and stored uploads' records. */
const filesKept = async () => (await readdir(path.join(uploadDir, 'incoming'))).length + (await readdir(uploadDir)).filter((f) => f.endsWith('.json')).length;

/** The fixture's teachers with the first one's name replaced. */
const teachersNamed = (name: string) => editFixture(fixture('zh', 'teachers', newTag()), ([first, ...rest]) => [[first![0]!, name, ...first!.slice(2)], ...rest]);

describe('import limits', () => {
  it('refuses with 413 an .xlsx that unpacks to more than the limit, before reading it, and keeps nothing', async () => {
    // About 300 KB of XML that deflates to a few kilobytes.
    const rows = [['工号', '姓名'], ...Array.from({ length: 1000 }, (_, i) => [`T${i}`, `${'王'.repeat(100)}${i}`])];
    const bomb = await xlsxFile('教师.xlsx', [{ name: '教师', rows }]);

    const refused = await upload(t.api, t.tokens.admin, [bomb]);

    expect(bomb.bytes.length).toBeLessThan(limits.maxUnpackedBytes);
    expect([refused.status, refused.body.error.code]).toEqual([413, 'IMPORT_TOO_LARGE']);
    expect(refused.body.error.details.problems).toEqual([expect.objectContaining({ code: 'IMPORT_TOO_LARGE', severity: 'error', sheet: '教师.xlsx', message: expect.stringMatching(/超过上限 0\.2 MB/) })]);
    expect(await filesKept()).toBe(0);
  });

  it('refuses with 422 a sheet with more rows than the limit, saying from which row, and keeps nothing', async () => {
    const teachers = fixture('zh', 'teachers', newTag());

    const refused = await upload(t.api, t.tokens.admin, [csvFile('教师.csv', teachers)]);

    expect([refused.status, refused.body.error.code]).toEqual([422, 'IMPORT_LIMIT_EXCEEDED']);
    expect(refused.body.error.details.problems.filter((p: { code: string }) => p.code === 'TOO_MANY_ROWS')).toEqual([expect.objectContaining({ sheet: '教师.csv', row: 7 })]);
    expect(await filesKept()).toBe(0);
  });

  it('refuses with 422 a cell longer than the limit, echoing only its start', async () => {
    const long = '张'.repeat(200);

    const refused = await upload(t.api, t.tokens.admin, [csvFile('教师.csv', teachersNamed(long).split('\n').slice(0, 3).join('\n'))]);

    expect([refused.status, refused.body.error.code]).toEqual([422, 'IMPORT_LIMIT_EXCEEDED']);
    const [problem] = refused.body.error.details.problems.filter((p: { code: string }) => p.code === 'CELL_TOO_LONG');
    expect(problem).toMatchObject({ row: 2, column: '姓名', value: `${'张'.repeat(64)}…` });
    expect(await filesKept()).toBe(0);
  });

  it('echoes a value of any problem cut to 64 characters', async () => {
    const { report } = await t.dryRun([csvFile('教师.csv', teachersNamed('李'.repeat(120)).split('\n').slice(0, 3).join('\n'))]);

    expect(report.problems.find((p: { code: string }) => p.code === 'TOO_LONG')).toMatchObject({ row: 2, column: '姓名', value: `${'李'.repeat(64)}…` });
  });

  it('refuses a file name that breaks the text rule, naming it, and keeps nothing', async () => {
    const before = await filesKept();

    const refused = await upload(t.api, t.tokens.admin, [csvFile('教师\u202Evsc.csv', teachersNamed('王芳'))]);

    expect([refused.status, refused.body.error.code, refused.body.error.details[0].path]).toEqual([400, 'VALIDATION_FAILED', 'files.0.originalname']);
    expect(await filesKept()).toBe(before);
  });
});
