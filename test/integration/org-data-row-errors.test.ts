/**
 * Each kind of problem a dry run reports, with the sheet, row, column and value it points at and a
 * reason in zh-CN (or English on request). Rows are numbered as a spreadsheet shows them: the
 * header is row 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrg } from '../support/org.js';
import { startOrgDataApi, type OrgDataApi } from '../support/org-data-api.js';
import { csvFile, editFixture, fixture, newTag, type Entity, type UploadFile } from '../support/org-data-files.js';

let t: OrgDataApi;
let otherDistrictSchool: string;

beforeAll(async () => {
  t = await startOrgDataApi();
  otherDistrictSchool = (await createTestOrg(t.db)).core.code;
});

afterAll(async () => {
  await t?.close();
});

const ENTITIES: Entity[] = ['groups', 'schools', 'teachers', 'officials'];

/** The test district's four files, with `edit` applied to the data rows of one of them. */
function district(tag: string, entity: Entity, edit: (rows: string[][]) => string[][]): UploadFile[] {
  return ENTITIES.map((e) => csvFile(`${e}.csv`, e === entity ? editFixture(fixture('zh', e, tag), edit) : fixture('zh', e, tag)));
}

/** Replaces cell `col` of data row `index` (0 is spreadsheet row 2). */
const setCell = (index: number, col: number, value: string) => (rows: string[][]) => rows.map((r, i) => (i === index ? r.map((c, j) => (j === col ? value : c)) : r));

const extraMembers = (tag: string, count: number) => (rows: string[][]) => [
  ...rows,
  ...Array.from({ length: count }, (_, i) => [`SX${i}-${tag}`, `新成员校${i}`, `G1-${tag}`, '成员校', '2010-09-01', '否', '本部']),
];

interface Case {
  name: string;
  files: (tag: string) => UploadFile[];
  expected: (tag: string) => { code: string; sheet: string; row: number | null; column: string | null; value: string | null };
  message: RegExp;
}

const cases: Case[] = [
  {
    name: 'an unknown school code',
    files: (tag) => district(tag, 'teachers', setCell(2, 2, `NOPE-${tag}`)),
    expected: (tag) => ({ code: 'UNKNOWN_SCHOOL', sheet: 'teachers.csv', row: 4, column: '人事关系学校编码', value: `NOPE-${tag}` }),
    message: /没有此学校编码/,
  },
  {
    name: 'a duplicate staff number',
    files: (tag) => district(tag, 'teachers', (rows) => [...rows, [`T${tag}-01`, '王芳', `S0-${tag}`, '', '2013-09-01', '', '', '']]),
    expected: (tag) => ({ code: 'DUPLICATE_KEY', sheet: 'teachers.csv', row: 9, column: '工号', value: `T${tag}-01` }),
    message: /与第 2 行重复/,
  },
  {
    name: 'a date in the future',
    files: (tag) => district(tag, 'teachers', setCell(0, 4, '2099-09-01')),
    expected: () => ({ code: 'FUTURE_DATE', sheet: 'teachers.csv', row: 2, column: '加入集团日期', value: '2099-09-01' }),
    message: /晚于今天/,
  },
  {
    name: 'a date that does not exist',
    files: (tag) => district(tag, 'schools', setCell(1, 4, '2001-02-30')),
    expected: () => ({ code: 'INVALID_DATE', sheet: 'schools.csv', row: 3, column: '建校日期', value: '2001-02-30' }),
    message: /不是有效的日期/,
  },
  {
    name: 'a teacher who joined the group before the school was founded',
    files: (tag) => district(tag, 'teachers', setCell(6, 4, '2023-09-01')),
    expected: () => ({ code: 'JOINED_BEFORE_FOUNDED', sheet: 'teachers.csv', row: 8, column: '加入集团日期', value: '2023-09-01' }),
    message: /早于人事关系学校 S4-\w+ 的建校日期（2024-09-01）/,
  },
  {
    name: 'a value outside the allowed list',
    files: (tag) => district(tag, 'teachers', setCell(0, 7, '教授')),
    expected: () => ({ code: 'INVALID_CHOICE', sheet: 'teachers.csv', row: 2, column: '职称', value: '教授' }),
    message: /可选：未定级、三级教师/,
  },
  {
    name: 'a yes/no cell that is neither',
    files: (tag) => district(tag, 'teachers', setCell(0, 6, '也许')),
    expected: () => ({ code: 'INVALID_BOOLEAN', sheet: 'teachers.csv', row: 2, column: '毕业班教师', value: '也许' }),
    message: /“是”或“否”/,
  },
  {
    name: 'a blank required cell',
    files: (tag) => district(tag, 'teachers', setCell(1, 1, '')),
    expected: () => ({ code: 'REQUIRED', sheet: 'teachers.csv', row: 3, column: '姓名', value: null }),
    message: /必填/,
  },
  {
    name: 'a text that is too long',
    files: (tag) => district(tag, 'schools', setCell(0, 1, '校'.repeat(101))),
    expected: () => ({ code: 'TOO_LONG', sheet: 'schools.csv', row: 2, column: '学校名称', value: `${'校'.repeat(64)}…` }),
    message: /最多 100 个字符/,
  },
  {
    name: 'a tier that is not a whole number',
    files: (tag) => district(tag, 'groups', setCell(0, 3, '一')),
    expected: () => ({ code: 'INVALID_NUMBER', sheet: 'groups.csv', row: 2, column: '层级', value: '一' }),
    message: /1 到 9 之间的整数/,
  },
  {
    name: 'an invalid email address',
    files: (tag) => district(tag, 'officials', setCell(0, 2, 'not-an-email')),
    expected: () => ({ code: 'INVALID_EMAIL', sheet: 'officials.csv', row: 2, column: '电子邮箱', value: 'not-an-email' }),
    message: /电子邮箱/,
  },
  {
    name: 'a unit the district has not set up',
    files: (tag) => district(tag, 'officials', setCell(0, 3, 'DRC')),
    expected: () => ({ code: 'UNKNOWN_UNIT', sheet: 'officials.csv', row: 2, column: '所属单位', value: 'DRC' }),
    message: /尚未设立此单位/,
  },
  {
    name: 'an official with both a unit and a school',
    files: (tag) => district(tag, 'officials', setCell(0, 4, `S0-${tag}`)),
    expected: () => ({ code: 'AFFILIATION', sheet: 'officials.csv', row: 2, column: '所属单位', value: 'EDU' }),
    message: /二选一|须填且只填一项/,
  },
  {
    name: 'an unknown group code',
    files: (tag) => district(tag, 'schools', setCell(2, 2, `G9-${tag}`)),
    expected: (tag) => ({ code: 'UNKNOWN_GROUP', sheet: 'schools.csv', row: 4, column: '所属集团编码', value: `G9-${tag}` }),
    message: /没有此集团编码/,
  },
  {
    name: 'a core school outside any group',
    files: (tag) => district(tag, 'schools', setCell(0, 2, '')),
    expected: () => ({ code: 'CORE_WITHOUT_GROUP', sheet: 'schools.csv', row: 2, column: '学校角色', value: '核心校' }),
    message: /核心校必须属于/,
  },
  {
    name: 'R-GROUP-SIZE: a tight group of more than 8 member schools',
    files: (tag) => district(tag, 'schools', extraMembers(tag, 5)),
    expected: (tag) => ({ code: 'GROUP_TOO_LARGE', sheet: 'groups.csv', row: 2, column: '集团编码', value: `G1-${tag}` }),
    message: /R-GROUP-SIZE：紧密型集团“第一教育集团\w+（G1-\w+）”将有 9 所成员校，超过上限 8 所/,
  },
  {
    name: 'a group with two core schools',
    files: (tag) => district(tag, 'schools', setCell(1, 3, '核心校')),
    expected: (tag) => ({ code: 'GROUP_SEVERAL_CORES', sheet: 'groups.csv', row: 2, column: '集团编码', value: `G1-${tag}` }),
    message: /2 所核心校/,
  },
  {
    name: 'a key another district already uses',
    files: (tag) => district(tag, 'schools', (rows) => [...rows, [otherDistrictSchool, '别区学校', '', '', '2001-09-01', '', '']]),
    expected: () => ({ code: 'KEY_IN_OTHER_DISTRICT', sheet: 'schools.csv', row: 7, column: '学校编码', value: otherDistrictSchool }),
    message: /其他区县/,
  },
  {
    name: 'a required column missing for new records',
    files: (tag) => [csvFile('teachers.csv', `工号,姓名,人事关系学校编码\nN${tag}-1,新教师,${t.org.core.code}\n`)],
    expected: () => ({ code: 'MISSING_COLUMN', sheet: 'teachers.csv', row: 2, column: null, value: null }),
    message: /缺少列“加入集团日期 \/ Joined group on”/,
  },
  {
    name: 'a sheet without its key column',
    files: () => [csvFile('teachers.csv', '姓名,职称\n王芳,一级教师\n')],
    expected: () => ({ code: 'MISSING_KEY_COLUMN', sheet: 'teachers.csv', row: 1, column: null, value: null }),
    message: /缺少必填列“工号 \/ Staff number”/,
  },
  {
    name: 'a file that is neither template',
    files: () => [csvFile('list.csv', 'a,b\n1,2\n')],
    expected: () => ({ code: 'UNKNOWN_FILE', sheet: 'list.csv', row: null, column: null, value: null }),
    message: /无法识别此文件/,
  },
  {
    name: 'a file that is not a workbook',
    files: () => [{ name: 'broken.xlsx', bytes: new TextEncoder().encode('not a zip file') }],
    expected: () => ({ code: 'UNREADABLE_FILE', sheet: 'broken.xlsx', row: null, column: null, value: null }),
    message: /文件无法读取/,
  },
];

describe('row errors in the dry run', () => {
  it.each(cases)('reports $name', async ({ files, expected, message }) => {
    const tag = newTag();

    const { report } = await t.dryRun(files(tag));

    expect(report.ok).toBe(false);
    const problem = report.problems.find((p: { code: string }) => p.code === expected(tag).code);
    expect(problem).toMatchObject({ severity: 'error', ...expected(tag) });
    expect(problem.message).toMatch(message);
  });

  it('gives reasons in English on request', async () => {
    const tag = newTag();

    const { report } = await t.dryRun(district(tag, 'teachers', setCell(2, 2, `NOPE-${tag}`)), 'en');

    expect(report.problems[0]).toMatchObject({ code: 'UNKNOWN_SCHOOL', message: 'No school with this code in the district or in this import.' });
  });

  it('refuses an import that would take the importing admin’s own role away', async () => {
    const tag = newTag();
    const admin = t.org.officials.admin;
    const ownRow = `登录名,姓名,电子邮箱,所属单位,角色\n${admin.login},管理员,${admin.email},EDU,工作人员\n`;

    const { report } = await t.dryRun([csvFile(`officials-${tag}.csv`, ownRow)]);

    expect(report.problems).toEqual([expect.objectContaining({ code: 'SELF_LOCKOUT', row: 2, column: '角色', value: '工作人员' })]);
  });

  it('refuses a founding date later than the join date of teachers already stored', async () => {
    const tag = newTag();
    await t.importClean(ENTITIES.map((e) => csvFile(`${e}.csv`, fixture('zh', e, tag))));
    const laterFounding = editFixture(fixture('zh', 'schools', tag), setCell(0, 4, '2013-09-01'));

    const { report } = await t.dryRun([csvFile('schools.csv', laterFounding)]);

    expect(report.problems).toEqual([expect.objectContaining({ code: 'FOUNDED_AFTER_TEACHERS_JOINED', row: 2, column: '建校日期', message: expect.stringContaining(`T${tag}-01`) })]);
  });
});

describe('R-GROUP-SIZE warnings', () => {
  it('lets 7 or 8 member schools through with a warning that EDU must approve the justification', async () => {
    const tag = newTag();
    const files = district(tag, 'schools', extraMembers(tag, 3));

    const { id, report } = await t.dryRun(files);
    const applied = await t.apply(id);

    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'GROUP_NEEDS_JUSTIFICATION', sheet: 'groups.csv', row: 2, message: expect.stringContaining('将有 7 所成员校') })]);
    expect(applied.status).toBe(200);
    expect(await t.db.school.count({ where: { group: { code: `G1-${tag}` } } })).toBe(8);
  });

  it('warns about a tight group below 4 member schools, and counts it on the school row that leaves', async () => {
    const tag = newTag();
    await t.importClean(ENTITIES.map((e) => csvFile(`${e}.csv`, fixture('zh', e, tag))));
    const leaving = editFixture(fixture('zh', 'schools', tag), setCell(4, 2, ''));

    const { report } = await t.dryRun([csvFile('schools.csv', leaving)]);

    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'GROUP_TOO_SMALL', sheet: 'schools.csv', row: 6, column: '所属集团编码', value: null })]);
  });
});
