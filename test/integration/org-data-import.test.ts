/**
 * Loading a bureau's organisation data over HTTP against the real database: every format and
 * encoding, dry run then apply, all or nothing, the no-op re-import, changed rows, and the effect
 * on running exchange cases.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/api.js';
import { TEST_PASSWORD } from '../support/org.js';
import { startOrgDataApi, type OrgDataApi } from '../support/org-data-api.js';
import { csvFile, editFixture, fixture, newTag, rowsOf, upload, xlsxFile, type Encoding, type Entity, type XlsxCell } from '../support/org-data-files.js';

const ENTITIES: Entity[] = ['groups', 'schools', 'teachers', 'officials'];
let t: OrgDataApi;

beforeAll(async () => {
  t = await startOrgDataApi();
});

afterAll(async () => {
  await t?.close();
});

const districtCsv = (tag: string, encoding: Encoding = 'utf8-bom') => ENTITIES.map((e) => csvFile(`${e}.csv`, fixture('zh', e, tag), encoding));

async function snapshot(tag: string) {
  const [groups, schools, teachers, officials] = await Promise.all([
    t.db.educationGroup.findMany({ where: { code: { contains: tag } }, orderBy: { code: 'asc' } }),
    t.db.school.findMany({ where: { code: { contains: tag } }, include: { campuses: { orderBy: { name: 'asc' } } }, orderBy: { code: 'asc' } }),
    t.db.teacher.findMany({ where: { staffNo: { contains: tag } }, orderBy: { staffNo: 'asc' } }),
    t.db.official.findMany({ where: { login: { contains: tag } }, orderBy: { login: 'asc' } }),
  ]);
  return { groups, schools, teachers, officials };
}

describe('formats and encodings', () => {
  it('loads a whole district from CSV files with Chinese headers (UTF-8 with BOM)', async () => {
    const tag = newTag();

    const { id, report } = await t.dryRun(districtCsv(tag));
    const nothingYet = await snapshot(tag);
    const applied = await t.apply(id);

    expect(report).toMatchObject({ ok: true, applied: false, errors: 0 });
    expect(report.counts).toEqual({
      groups: { rows: 1, created: 1, changed: 0, unchanged: 0 },
      schools: { rows: 5, created: 5, changed: 0, unchanged: 0 },
      teachers: { rows: 7, created: 7, changed: 0, unchanged: 0 },
      officials: { rows: 3, created: 3, changed: 0, unchanged: 0 },
    });
    expect(nothingYet.teachers).toHaveLength(0);
    expect(applied.status).toBe(200);
    expect(applied.body.report.applied).toBe(true);
    const after = await snapshot(tag);
    const core = after.schools.find((s) => s.code === `S0-${tag}`)!;
    expect(after.groups[0]).toMatchObject({ name: `第一教育集团${tag}`, kind: 'TIGHT', tier: 1 });
    expect(core).toMatchObject({ role: 'CORE', name: '核心小学', weak: false, groupId: after.groups[0]!.id });
    expect(core.campuses.map((c) => c.name).sort()).toEqual(['东校区', '本部'].sort());
    expect(after.schools.find((s) => s.code === `S3-${tag}`)!.foundedOn.toISOString().slice(0, 10)).toBe('2000-09-01');
    const liWei = after.teachers.find((x) => x.staffNo === `T${tag}-02`)!;
    expect(liWei).toMatchObject({ name: '李伟', homeSchoolId: core.id, currentSchoolId: core.id, graduatingClass: true, title: 'SECOND_GRADE', backbone: 'NONE' });
    expect(after.teachers.find((x) => x.staffNo === `T${tag}-05`)).toMatchObject({ backbone: 'NONE', title: 'UNRANKED' });
    expect(after.officials.find((o) => o.login === `fin2-${tag}`)).toMatchObject({ roles: ['OFFICIAL', 'SCHEDULER'], isUnitLead: true, active: true });
  });

  it.each<[string, Encoding]>([
    ['UTF-8 without BOM', 'utf8'],
    ['GB18030', 'gb18030'],
  ])('reads CSV in %s the same', async (_label, encoding) => {
    const tag = newTag();

    await t.importClean(districtCsv(tag, encoding));

    const after = await snapshot(tag);
    expect(after.teachers.map((x) => x.name)).toEqual(['王芳', '李伟', '张静', '刘敏', '陈磊', '杨洋', '赵艳']);
    expect(after.schools.map((s) => s.name)).toContain('雪华乡中心小学');
  });

  it('reads an .xlsx workbook with English headers, English codes and typed cells', async () => {
    const tag = newTag();
    const sheets = ENTITIES.map((entity) => ({ name: entity, rows: rowsOf(fixture('en', entity, tag)).map((row, i) => (i === 0 ? row : row.map(typedCell))) }));
    const workbook = await xlsxFile('district.xlsx', sheets);

    await t.importClean([workbook]);

    const after = await snapshot(tag);
    expect(after.groups[0]).toMatchObject({ name: `First Education Group ${tag}`, tier: 1 });
    expect(after.schools.find((s) => s.code === `S1-${tag}`)).toMatchObject({ weak: true, role: 'MEMBER', name: 'Yanshan Road Primary' });
    expect(after.schools.find((s) => s.code === `S0-${tag}`)!.campuses.map((c) => c.name).sort()).toEqual(['East', 'Main']);
    expect(after.teachers.find((x) => x.staffNo === `T${tag}-03`)).toMatchObject({ backbone: 'SUBJECT_LEADER', title: 'SENIOR' });
    expect(after.teachers[0]!.joinedGroupOn.toISOString().slice(0, 10)).toBe('2012-09-01');
    expect(after.officials.find((o) => o.login === `s0-${tag}`)).toMatchObject({ roles: ['OFFICIAL', 'SCHEDULER'], isUnitLead: true });
  });

  it('recognises Chinese file names and reports a file it cannot read', async () => {
    const tag = newTag();
    const files = [csvFile('教育集团.csv', fixture('zh', 'groups', tag)), { name: 'notes.txt', bytes: new Uint8Array([1, 2, 3]) }];

    const { report } = await t.dryRun(files);

    expect(report.counts.groups.rows).toBe(1);
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'UNSUPPORTED_FILE', sheet: 'notes.txt', severity: 'error' }));
  });
});

/** Dates as Date cells, tiers as numbers, yes/no as booleans: what a spreadsheet program saves. */
function typedCell(text: string): XlsxCell {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T00:00:00Z`);
  if (/^\d$/.test(text)) return Number(text);
  if (text === 'yes' || text === 'no') return text === 'yes';
  return text === '' ? null : text;
}

describe('all or nothing', () => {
  it('writes nothing when one row of many has an error, and apply answers 422 with the report', async () => {
    const tag = newTag();
    const teachers = editFixture(fixture('zh', 'teachers', tag), (rows) => rows.map((r, i) => (i === 5 ? [r[0]!, r[1]!, 'NO-SUCH-SCHOOL', ...r.slice(3)] : r)));
    const files = [...districtCsv(tag).filter((f) => f.name !== 'teachers.csv'), csvFile('teachers.csv', teachers)];

    const { id, report } = await t.dryRun(files);
    const applied = await t.apply(id, 'en');

    expect(report.ok).toBe(false);
    expect(applied.status).toBe(422);
    expect(applied.body.error).toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringContaining('nothing was written') });
    expect(applied.body.error.details.problems[0]).toMatchObject({ code: 'UNKNOWN_SCHOOL', sheet: 'teachers.csv', row: 7, column: '人事关系学校编码', value: 'NO-SUCH-SCHOOL' });
    expect(await snapshot(tag)).toEqual({ groups: [], schools: [], teachers: [], officials: [] });
  });
});

describe('re-import', () => {
  it('changes nothing when the same files are imported again', async () => {
    const tag = newTag();
    await t.importClean(districtCsv(tag));
    const before = await snapshot(tag);

    const again = await t.importClean(districtCsv(tag));

    expect(again.counts.teachers).toEqual({ rows: 7, created: 0, changed: 0, unchanged: 7 });
    expect(again.counts.schools).toEqual({ rows: 5, created: 0, changed: 0, unchanged: 5 });
    expect(again.counts.officials).toEqual({ rows: 3, created: 0, changed: 0, unchanged: 3 });
    expect(again.changes).toEqual([]);
    expect(await snapshot(tag)).toEqual(before);
  });

  it('updates a changed row and reports the change, field by field', async () => {
    const tag = newTag();
    await t.importClean(districtCsv(tag));
    const teachers = editFixture(fixture('zh', 'teachers', tag), (rows) => rows.map((r) => (r[0] === `T${tag}-03` ? [...r.slice(0, 7), '正高级教师'] : r)));
    const schools = editFixture(fixture('zh', 'schools', tag), (rows) => rows.map((r) => (r[0] === `S1-${tag}` ? [...r.slice(0, 6), '本部、北校区'] : r)));

    const { id, report } = await t.dryRun([csvFile('teachers.csv', teachers), csvFile('schools.csv', schools)]);
    await t.apply(id);

    expect(report.counts.teachers).toEqual({ rows: 7, created: 0, changed: 1, unchanged: 6 });
    expect(report.changes).toContainEqual({ entity: 'teachers', key: `T${tag}-03`, sheet: 'teachers.csv', row: 4, fields: [{ field: 'title', column: '职称', before: '高级教师', after: '正高级教师' }] });
    expect(report.changes).toContainEqual({ entity: 'schools', key: `S1-${tag}`, sheet: 'schools.csv', row: 3, fields: [{ field: 'campuses', column: '校区', before: '本部', after: '北校区、本部' }] });
    const after = await snapshot(tag);
    expect(after.teachers.find((x) => x.staffNo === `T${tag}-03`)!.title).toBe('PROFESSOR');
    expect(after.schools.find((s) => s.code === `S1-${tag}`)!.campuses.map((c) => c.name).sort()).toEqual(['北校区', '本部'].sort());
  });

  it('keeps what is stored for a column the file leaves out', async () => {
    const tag = newTag();
    await t.importClean(districtCsv(tag));
    const titlesOnly = `工号,职称\nT${tag}-01,高级教师\n`;

    const report = await t.importClean([csvFile('teachers.csv', titlesOnly)]);

    expect(report.counts.teachers).toEqual({ rows: 1, created: 0, changed: 1, unchanged: 0 });
    expect((await snapshot(tag)).teachers[0]).toMatchObject({ name: '王芳', title: 'SENIOR', backbone: 'BACKBONE' });
  });
});

describe('running cases', () => {
  it('reports a teacher moved while their TEACHER_EXCHANGE case is RUNNING, and does not move them', async () => {
    const tag = newTag();
    await t.importClean(districtCsv(tag));
    const teacher = await t.db.teacher.findUniqueOrThrow({ where: { staffNo: `T${tag}-01` } });
    const caseId = randomUUID();
    await t.db.case.create({ data: { id: caseId, type: 'TEACHER_EXCHANGE', status: 'RUNNING', workflowId: `case-${caseId}`, title: `王芳交流轮岗 ${tag}`, teacherId: teacher.id, initiatorId: t.org.officials.admin.id } });
    const moved = editFixture(fixture('zh', 'teachers', tag), (rows) => rows.map((r) => (r[0] === `T${tag}-01` ? [r[0], r[1]!, `S1-${tag}`, `S1-${tag}`, ...r.slice(4)] : r)));

    const { id, report } = await t.dryRun([csvFile('teachers.csv', moved)]);
    const applied = await t.apply(id);

    expect(report.problems).toEqual([
      expect.objectContaining({ severity: 'error', code: 'RUNNING_EXCHANGE', sheet: 'teachers.csv', row: 2, column: '人事关系学校编码', value: `S1-${tag}`, message: expect.stringContaining(`王芳交流轮岗 ${tag}`) }),
    ]);
    expect(applied.status).toBe(422);
    expect(await t.db.teacher.findUniqueOrThrow({ where: { staffNo: `T${tag}-01` } })).toEqual(teacher);
  });

  it('lets other changes to a teacher on a running exchange through', async () => {
    const tag = newTag();
    await t.importClean(districtCsv(tag));
    const teacher = await t.db.teacher.findUniqueOrThrow({ where: { staffNo: `T${tag}-01` } });
    const caseId = randomUUID();
    await t.db.case.create({ data: { id: caseId, type: 'TEACHER_EXCHANGE', status: 'RUNNING', workflowId: `case-${caseId}`, title: 'exchange', teacherId: teacher.id, initiatorId: t.org.officials.admin.id } });

    const report = await t.importClean([csvFile('teachers.csv', `工号,职称\nT${tag}-01,高级教师\n`)]);

    expect(report.counts.teachers.changed).toBe(1);
  });
});

describe('officials', () => {
  it('creates imported officials without a usable password', async () => {
    const tag = newTag();
    await t.importClean(districtCsv(tag));

    const stored = await t.db.official.findUniqueOrThrow({ where: { login: `edu2-${tag}` } });
    const withTheMarker = await call(t.api, 'POST', '/api/auth/login', { body: { login: `edu2-${tag}`, password: stored.passwordHash } });
    const withTheTestPassword = await call(t.api, 'POST', '/api/auth/login', { body: { login: `edu2-${tag}`, password: TEST_PASSWORD } });

    expect(withTheMarker.status).toBe(401);
    expect(withTheTestPassword.status).toBe(401);
  });
});

describe('access', () => {
  it('is for administrators only', async () => {
    const tag = newTag();

    const asMember = await upload(t.api, t.tokens.member, districtCsv(tag));
    const anonymous = await call(t.api, 'GET', '/api/org-data/export/org-data.xlsx');
    const memberExport = await call(t.api, 'GET', '/api/org-data/export/org-data.xlsx', { token: t.tokens.member, lang: 'en' });

    expect(asMember.status).toBe(403);
    expect(anonymous.status).toBe(401);
    expect(memberExport.body.error).toEqual({ code: 'FORBIDDEN', message: 'You are not allowed to do this.' });
    expect(await snapshot(tag)).toEqual({ groups: [], schools: [], teachers: [], officials: [] });
  });

  it('answers 400 without files and 404 for an unknown upload', async () => {
    const noFiles = await upload(t.api, t.tokens.admin, []);
    const unknown = await call(t.api, 'POST', `/api/org-data/imports/${randomUUID()}/apply`, { token: t.tokens.admin });

    expect(noFiles).toMatchObject({ status: 400, body: { error: { code: 'NO_FILES' } } });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'UPLOAD_NOT_FOUND' } } });
  });

  it('shows the report of an upload again, and forgets the upload once applied', async () => {
    const tag = newTag();
    const { id } = await t.dryRun(districtCsv(tag));

    const again = await call(t.api, 'GET', `/api/org-data/imports/${id}`, { token: t.tokens.admin });
    await t.apply(id);
    const afterApply = await call(t.api, 'GET', `/api/org-data/imports/${id}`, { token: t.tokens.admin });

    expect(again.status).toBe(200);
    expect(again.body.report.counts.teachers.created).toBe(7);
    expect(afterApply.status).toBe(404);
  });
});

