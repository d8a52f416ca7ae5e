/**
 * Large Chinese workbooks read whole and intact by the streaming reader, however they were
 * written: these are the cases exceljs 4.4.0 gets wrong on its own (exceljs#3064, #2063).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImport } from '../../api/org-data/read-import.js';

const ROWS = 5000;
const header = ['工号', '姓名', '人事关系学校编码', '加入集团日期', '职称'];
const row = (i: number) => [`T${i}`, `欧阳${i}${'丽华'.repeat(1 + (i % 5))}`, `蚌山区第${i % 40}实验小学`, new Date('2015-09-01T00:00:00Z'), i % 2 ? '高级教师' : '一级教师'];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'org-data-xlsx-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writtenWhole(file: string) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('教师');
  sheet.addRow(header);
  for (let i = 0; i < ROWS; i += 1) sheet.addRow(row(i));
  workbook.addWorksheet('说明').addRow(['填写说明']);
  await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function writtenStreaming(file: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('教师');
  sheet.addRow(header).commit();
  for (let i = 0; i < ROWS; i += 1) sheet.addRow(row(i)).commit();
  sheet.commit();
  const notes = workbook.addWorksheet('说明');
  notes.addRow(['填写说明']).commit();
  notes.commit();
  await workbook.commit();
}

describe('streaming .xlsx reader', () => {
  it('finds the name of every sheet of a small workbook, where the sheet names come last in the file', async () => {
    const file = path.join(dir, 'small.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('教育集团').addRows([['集团编码', '集团名称'], ['G1', '第一教育集团']]);
    workbook.addWorksheet('学校').addRows([['学校编码', '学校名称', '建校日期'], ['S1', '第一小学', '2001-09-01']]);
    workbook.addWorksheet('教师').addRows([['工号', '姓名'], ['T1', '王芳']]);
    workbook.addWorksheet('工作人员').addRows([['登录名', '姓名'], ['w1', '王伟']]);
    workbook.addWorksheet('说明').addRow(['填写说明']);
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    for (let attempt = 0; attempt < 10; attempt += 1) {
      const input = await readImport([{ path: file, name: 'small.xlsx' }]);

      expect(input.problems).toEqual([]);
      expect(input.rows.groups.map((r) => r.sheet.name)).toEqual(['教育集团']);
      expect(input.rows.officials.map((r) => r.values.login)).toEqual(['w1']);
    }
  });

  it.each([
    ['shared strings (as Excel writes)', writtenWhole],
    ['inline strings, written streaming', writtenStreaming],
  ])('reads every row and every character of a large sheet with %s', async (_label, write) => {
    const file = path.join(dir, `${write.name}.xlsx`);
    await write(file);

    const input = await readImport([{ path: file, name: 'roster.xlsx' }]);

    expect(input.problems).toEqual([]);
    expect(input.rows.teachers).toHaveLength(ROWS);
    expect(input.rows.teachers.every((r, i) => r.values.name === row(i)[1] && r.raw.homeSchool === row(i)[2])).toBe(true);
    expect(input.rows.teachers.filter((r) => r.values.title === 'SENIOR')).toHaveLength(ROWS / 2);
    expect(input.rows.teachers[ROWS - 1]).toMatchObject({ row: ROWS + 1, values: { joinedGroupOn: '2015-09-01' } });
  });
});
