/**
 * Export and templates: the district's data leaves in the import's own formats, and what leaves
 * comes back in without a change (the round trip is a no-op).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { startOrgDataApi, type OrgDataApi } from '../support/org-data-api.js';
import { csvFile, download, fixture, newTag, readXlsx, rowsOf, type Entity } from '../support/org-data-files.js';

const ENTITIES: Entity[] = ['groups', 'schools', 'teachers', 'officials'];
let t: OrgDataApi;

beforeAll(async () => {
  t = await startOrgDataApi();
  const tag = newTag();
  await t.importClean(ENTITIES.map((e) => csvFile(`${e}.csv`, fixture('zh', e, tag))));
});

afterAll(async () => {
  await t?.close();
});

function expectNoChange(report: any) {
  expect(report.ok).toBe(true);
  expect(report.changes).toEqual([]);
  for (const entity of ENTITIES) expect(report.counts[entity]).toMatchObject({ created: 0, changed: 0 });
}

describe('export', () => {
  it('round-trips the district through .xlsx without a change', async () => {
    const exported = await download(t.api, t.tokens.admin, 'export/org-data.xlsx');

    const { report } = await t.dryRun([{ name: 'org-data.xlsx', bytes: exported.bytes }]);

    expect(exported.status).toBe(200);
    expect(exported.type).toContain('spreadsheetml');
    expectNoChange(report);
    expect(report.counts.teachers.unchanged).toBeGreaterThanOrEqual(7);
    expect(report.counts.schools.unchanged).toBeGreaterThanOrEqual(7);
  });

  it.each([
    ['UTF-8 CSV with Chinese headers', 'utf8', undefined],
    ['GB18030 CSV with English headers', 'gb18030', 'en'],
  ])('round-trips the district through %s without a change', async (_label, encoding, lang) => {
    const files = await Promise.all(
      ENTITIES.map(async (entity) => {
        const exported = await download(t.api, t.tokens.admin, `export/${entity}.csv?encoding=${encoding}`, lang);
        expect(exported.status).toBe(200);
        return { name: `${entity}.csv`, bytes: exported.bytes };
      }),
    );

    const { report } = await t.dryRun(files);

    expectNoChange(report);
  });

  it('writes Chinese labels and a BOM by default, codes in English', async () => {
    const zh = await download(t.api, t.tokens.admin, 'export/teachers.csv');
    const en = await download(t.api, t.tokens.admin, 'export/teachers.csv', 'en');
    const gb = await download(t.api, t.tokens.admin, 'export/teachers.csv?encoding=gb18030');

    const zhText = new TextDecoder().decode(zh.bytes);
    expect([...zh.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rowsOf(zhText)[0]).toEqual(['工号', '姓名', '人事关系学校编码', '任教学校编码', '加入集团日期', '骨干类别', '毕业班教师', '职称']);
    expect(zhText).toMatch(/,王芳,S0-\w+,S0-\w+,2012-09-01,骨干教师,否,一级教师/);
    expect(new TextDecoder().decode(en.bytes)).toMatch(/,王芳,S0-\w+,S0-\w+,2012-09-01,BACKBONE,no,FIRST_GRADE/);
    expect(iconv.decode(Buffer.from(gb.bytes), 'gb18030')).toBe(zhText);
    expect(zh.disposition).toContain(encodeURIComponent('教师.csv'));
  });

  it('marks names that a spreadsheet would run as formulas, in CSV and .xlsx, and imports them back unchanged', async () => {
    // Arrange: names as they could arrive from an imported roster.
    const tag = newTag();
    const names = { '1': '=1+1', '2': '@SUM(A1)', '3': '+1', '4': '-1' };
    for (const [n, name] of Object.entries(names)) {
      await t.db.teacher.create({ data: { staffNo: `TF${tag}-${n}`, name, homeSchoolId: t.org.member.id, currentSchoolId: t.org.member.id, joinedGroupOn: new Date('2015-09-01') } });
    }
    const namesIn = (rows: unknown[][]) => rows.filter((r) => String(r[0]).startsWith(`TF${tag}`)).map((r) => r[1]);

    // Act
    const csv = await download(t.api, t.tokens.admin, 'export/teachers.csv');
    const xlsx = await download(t.api, t.tokens.admin, 'export/org-data.xlsx');
    const again = await t.dryRun([{ name: '教师.csv', bytes: csv.bytes }]);
    const againXlsx = await t.dryRun([{ name: 'org-data.xlsx', bytes: xlsx.bytes }]);

    // Assert: a negative number is left as it is; nothing changes on the way back.
    expect(namesIn(rowsOf(new TextDecoder().decode(csv.bytes)))).toEqual(["'=1+1", "'@SUM(A1)", "'+1", '-1']);
    expect(namesIn((await readXlsx(xlsx.bytes)).get('教师')!)).toEqual(["'=1+1", "'@SUM(A1)", "'+1", '-1']);
    expectNoChange(again.report);
    expectNoChange(againXlsx.report);
    expect(again.report.counts.teachers.unchanged).toBeGreaterThanOrEqual(4);
  });

  it('exports only the admin’s own district', async () => {
    const other = await startOrgDataApi();
    try {
      const exported = await download(other.api, other.tokens.admin, 'export/org-data.xlsx');

      const sheets = await readXlsx(exported.bytes);

      expect(sheets.get('教师')).toEqual([['工号', '姓名', '人事关系学校编码', '任教学校编码', '加入集团日期', '骨干类别', '毕业班教师', '职称']]);
      expect(sheets.get('学校')!.map((row) => row[0])).toEqual(['学校编码', other.org.core.code, other.org.member.code]);
    } finally {
      await other.close();
    }
  });
});

describe('templates', () => {
  it('downloads an .xlsx template with one sheet per entity and instructions, in Chinese or English', async () => {
    const zh = await readXlsx((await download(t.api, t.tokens.admin, 'templates/org-data.xlsx')).bytes);
    const en = await readXlsx((await download(t.api, t.tokens.admin, 'templates/org-data.xlsx', 'en')).bytes);

    expect([...zh.keys()]).toEqual(['教育集团', '学校', '教师', '工作人员', '说明']);
    expect([...en.keys()]).toEqual(['groups', 'schools', 'teachers', 'officials', 'instructions']);
    expect(zh.get('学校')).toEqual([['学校编码', '学校名称', '所属集团编码', '学校角色', '建校日期', '薄弱学校', '校区']]);
    expect(en.get('officials')).toEqual([['Login', 'Display name', 'Email', 'Unit', 'School code', 'Roles', 'Unit lead', 'Active']]);
    expect(zh.get('说明')!.length).toBe(1 + 4 + 7 + 8 + 8);
  });

  it('downloads a CSV template per entity', async () => {
    const groups = await download(t.api, t.tokens.admin, 'templates/groups.csv?lang=en');

    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(groups.bytes)).toBe('\uFEFFGroup code,Group name,Kind,Tier\n');
  });

  it('answers 404 for a file it does not offer', async () => {
    const unknown = await download(t.api, t.tokens.admin, 'templates/payroll.csv');

    expect(unknown.status).toBe(404);
  });

  it('accepts an empty template and says there is nothing in it', async () => {
    const template = await download(t.api, t.tokens.admin, 'templates/org-data.xlsx');

    const { report } = await t.dryRun([{ name: '组织数据模板.xlsx', bytes: template.bytes }]);

    expect(report.problems).toEqual([expect.objectContaining({ code: 'NO_ROWS', severity: 'error' })]);
  });
});
