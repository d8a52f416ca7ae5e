/**
 * The reports through HTTP: rows written directly as the policy workflows would write them, then
 * read back as JSON and as CSV (BOM, Chinese or English headers), within the caller's district.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/password.js';
import { policyConfig } from '../../policy/config.js';
import { schoolYearOf } from '../../policy/calendar.js';
import type { Db } from '../../prisma/client.js';
import { call, login, type TestApi } from '../support/api.js';
import { createCaseRow, createTestOrg, TEST_PASSWORD, type TestOrg } from '../support/org.js';
import { startStack, type Stack, type Who } from '../support/stack.js';

let stack: Stack;
let db: Db;
let org: TestOrg;
let other: TestOrg;
let api: TestApi;
let tokens: Stack['tokens'];
let looseGroupId: string;
const teacherIds: Record<string, string> = {};
const HOUR = 3_600_000;
const overdueSince = new Date(Date.now() - 48 * HOUR);

beforeAll(async () => {
  stack = await startStack();
  ({ db, org, api, tokens } = stack);
  other = await createTestOrg(db);
  await seedSchools();
  await seedExchanges();
  await seedLedger();
  await seedTasks();
});

afterAll(async () => {
  await stack?.close();
});

/**
 * The test group gets 6 more schools (one a sub-core) — 8 in a tight group; a loose group's school
 * and a school only linked as an alliance school are outside: 8 of 10, 80 %.
 */
async function seedSchools() {
  const school = (suffix: string, extra: { groupId?: string; role?: 'MEMBER' | 'SUB_CORE' | 'CORE' } = {}) =>
    db.school.create({ data: { code: `S-${org.tag}-${suffix}`, name: `学校 ${suffix}`, districtId: org.district.id, foundedOn: new Date('2010-09-01'), ...extra } });
  for (const n of [2, 3, 4, 5, 6]) await school(`m${n}`, { groupId: org.group.id });
  await school('sub', { groupId: org.group.id, role: 'SUB_CORE' });
  const loose = await db.educationGroup.create({ data: { code: `GL-${org.tag}`, name: `松散集团 ${org.tag}`, kind: 'LOOSE', districtId: org.district.id } });
  looseGroupId = loose.id;
  await school('loose', { groupId: loose.id, role: 'CORE' });
  const alliance = await school('alliance');
  await db.allianceLink.create({ data: { schoolId: alliance.id, groupId: org.group.id, caseId: randomUUID() } });
}

/**
 * 20 teachers at home in the test group for school year 2026: 5 joined on 1 Sep 2020 (due, 2 of them
 * in a graduating class), 1 joined a day later (not due), 14 joined in 2022. Seven exchange terms of
 * which four run in 2026 (two of them with backbone teachers), and a plan of one non-backbone teacher.
 */
async function seedExchanges() {
  const specs = [
    ...Array.from({ length: 5 }, (_, i) => ({ key: `due${i}`, joined: '2020-09-01', graduating: i < 2, backbone: i < 3 ? ('BACKBONE' as const) : ('NONE' as const) })),
    { key: 'almost', joined: '2020-09-02', graduating: false, backbone: 'NONE' as const },
    ...Array.from({ length: 14 }, (_, i) => ({ key: `new${i}`, joined: '2022-09-01', graduating: false, backbone: 'NONE' as const })),
  ];
  for (const [i, spec] of specs.entries()) {
    const home = i % 2 === 0 ? org.core.id : org.member.id;
    const t = await db.teacher.create({
      data: { staffNo: `T-${org.tag}-${spec.key}`, name: `教师 ${spec.key}`, homeSchoolId: home, currentSchoolId: home, joinedGroupOn: new Date(spec.joined), graduatingClass: spec.graduating, backbone: spec.backbone },
    });
    teacherIds[spec.key] = t.id;
  }
  await db.teacher.create({ data: { staffNo: `T-${org.tag}-loose`, name: '松散集团教师', homeSchoolId: (await db.school.findUniqueOrThrow({ where: { code: `S-${org.tag}-loose` } })).id, currentSchoolId: org.core.id, joinedGroupOn: new Date('2010-09-01') } });

  const term = (key: string, startSchoolYear: number, status: 'APPROVED' | 'ACTIVE' | 'COMPLETED' | 'ENDED_EARLY' | 'REFUSED', endedAt?: string) =>
    db.teacherExchange.create({
      data: { teacherId: teacherIds[key]!, caseId: randomUUID(), groupId: org.group.id, fromSchoolId: org.core.id, toSchoolId: org.member.id, startSchoolYear, termSchoolYears: 3, status, ...(endedAt ? { endedAt: new Date(endedAt) } : {}) },
    });
  await term('due0', 2025, 'ACTIVE'); // backbone, in its second year
  await term('due3', 2026, 'APPROVED'); // starts this year
  await term('due1', 2025, 'ENDED_EARLY', '2026-12-01'); // backbone, still exchanging when 2026 began
  await term('due2', 2025, 'ENDED_EARLY', '2026-03-01'); // ended before 2026 began
  await term('new0', 2025, 'ENDED_EARLY', '2026-08-31T17:00:00Z'); // 01:00 on 1 Sep in Beijing: 2026 had begun
  await term('due4', 2022, 'COMPLETED'); // covered 2022–2024
  await term('almost', 2026, 'REFUSED');
  await db.rotationPlan.create({ data: { groupId: org.group.id, schoolYear: 2026, caseId: randomUUID(), teacherCount: 20, dueCount: 5, plannedCount: 1, backboneCount: 0 } });
}

async function seedLedger() {
  const entry = (schoolId: string, kind: 'NEW_SCHOOL_CAMPUS' | 'NEW_SCHOOL_RESERVE' | 'LECTURE_FEE', schoolYear: number, amountFen: number) =>
    db.ledgerEntry.create({ data: { kind, schoolYear, schoolId, payeeSchoolId: org.core.id, amountFen, caseId: randomUUID(), dedupeKey: randomUUID() } });
  await entry(org.member.id, 'NEW_SCHOOL_CAMPUS', 2026, 50_000_000);
  await entry(org.member.id, 'NEW_SCHOOL_CAMPUS', 2026, 50_000_000);
  await entry(org.member.id, 'NEW_SCHOOL_RESERVE', 2026, 12_345_678);
  await entry(org.member.id, 'NEW_SCHOOL_CAMPUS', 2025, 50_000_000);
  await entry(org.core.id, 'LECTURE_FEE', 2026, 80_000);
  await entry(other.member.id, 'NEW_SCHOOL_CAMPUS', 2026, 50_000_000);
}

/** EDU: three pending tasks on two cases, two past their deadline (one not yet flagged); the core school: one. */
async function seedTasks() {
  const [first, second] = [await createCaseRow(db, org), await createCaseRow(db, org)];
  const task = (caseId: string, stepIndex: number, route: { unitId?: string; schoolId?: string }, dueAt: Date, extra: { overdue?: boolean; state?: 'APPROVED' } = {}) =>
    db.approvalTask.create({ data: { caseId, stepIndex, stepKey: 'report-test', taskKey: randomUUID(), openedAt: new Date(dueAt.getTime() - 120 * HOUR), dueAt, ...route, ...extra } });
  await task(first.id, 0, { unitId: org.units.edu.id }, overdueSince);
  await task(first.id, 1, { unitId: org.units.edu.id }, new Date(Date.now() - HOUR), { overdue: true });
  await task(second.id, 0, { unitId: org.units.edu.id }, new Date(Date.now() + 72 * HOUR));
  await task(second.id, 1, { unitId: org.units.edu.id }, overdueSince, { state: 'APPROVED' });
  await task(second.id, 2, { schoolId: org.core.id }, new Date(Date.now() + 24 * HOUR));
}

const get = (who: Who, path: string, lang?: string) => call(api, 'GET', path, { token: tokens[who], lang });

async function csv(who: Who, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${tokens[who]}`, ...headers } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { status: response.status, type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', bytes, rows: parse(text.replace(/^\uFEFF/, '')) as string[][] };
}

const byHeader = (rows: string[][], key: string, value: string) => {
  const [header, ...body] = rows;
  const row = body.find((r) => r[header!.indexOf(key)] === value);
  if (!row) throw new Error(`no row with ${key} = ${value}`);
  return Object.fromEntries(header!.map((h, i) => [h, row[i]]));
};

describe('tight-group coverage (R-COVERAGE)', () => {
  it('counts schools in a tight group, not loose-group or alliance schools, against the 2025 and 2030 targets', async () => {
    const { status, body } = await get('member', '/api/reports/coverage');

    expect(status).toBe(200);
    expect(body.rows).toEqual([
      {
        districtId: org.district.id,
        districtCode: org.district.code,
        districtName: org.district.name,
        schools: 10,
        inTightGroup: 8,
        share: 0.8,
        targets: [
          { year: 2025, share: 0.8, requiredSchools: 8, met: true },
          { year: 2030, share: 0.9, requiredSchools: 9, met: false },
        ],
      },
    ]);
  });

  it('answers CSV with a BOM and Chinese headers, or English ones on request', async () => {
    const zh = await csv('edu', '/api/reports/coverage?format=csv');
    const en = await csv('edu', '/api/reports/coverage', { accept: 'text/csv', 'accept-language': 'en' });

    expect(zh.status).toBe(200);
    expect(zh.type).toContain('text/csv');
    expect(zh.disposition).toContain('coverage.csv');
    expect([...zh.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(zh.rows[0]).toEqual(['区县编码', '区县名称', '义务教育学校数', '紧密型集团内学校数', '覆盖率', '2025年目标', '2025年目标所需学校数', '2025年目标是否达成', '2030年目标', '2030年目标所需学校数', '2030年目标是否达成']);
    expect(zh.rows.slice(1)).toEqual([[org.district.code, org.district.name, '10', '8', '80.0%', '≥ 80%', '8', '达标', '≥ 90%', '9', '未达标']]);
    expect(en.rows[0]).toContain('Schools in a tight group');
    expect(en.rows[1]).toContain('not met');
  });

  it('gives administrators every district, or the one they name', async () => {
    const all = await get('admin', '/api/reports/coverage');
    const one = await get('admin', `/api/reports/coverage?districtId=${other.district.id}`);

    expect(all.body.rows.map((r: { districtId: string }) => r.districtId)).toEqual(expect.arrayContaining([org.district.id, other.district.id]));
    expect(one.body.rows).toHaveLength(1);
    expect(one.body.rows[0]).toMatchObject({ districtId: other.district.id, schools: 2, inTightGroup: 2 });
  });
});

describe('exchanges per group and school year (R-EXCH-ELIGIBLE, R-EXCH-QUOTA, R-EXCH-BACKBONE)', () => {
  it('reports teachers, due, planned and exchanging with the quota and backbone checks', async () => {
    const { status, body } = await get('scheduler', `/api/reports/exchange?schoolYear=2026&groupId=${org.group.id}`);

    expect(status).toBe(200);
    expect(body.schoolYear).toBe(2026);
    expect(body.rows).toEqual([
      {
        districtCode: org.district.code,
        groupId: org.group.id,
        groupCode: org.group.code,
        groupName: org.group.name,
        groupKind: 'TIGHT',
        schoolYear: 2026,
        teachers: 20,
        due: 5,
        dueGraduating: 2,
        plan: { planned: 1, plannedBackbone: 0, approved: false, quota: { count: 1, of: 20, required: 2, met: false }, backbone: { count: 0, of: 1, required: 1, met: false } },
        exchanging: 4,
        exchangingBackbone: 2,
        starting: 1,
        quota: { count: 4, of: 20, required: 2, met: true },
        backbone: { count: 2, of: 4, required: 2, met: true },
      },
    ]);
  });

  it('counts the terms that covered an earlier school year, including one ended early after it began', async () => {
    const y2025 = await get('edu', `/api/reports/exchange?schoolYear=2025&groupId=${org.group.id}`);
    const y2022 = await get('edu', `/api/reports/exchange?schoolYear=2022&groupId=${org.group.id}`);

    expect(y2025.body.rows[0]).toMatchObject({ exchanging: 4, starting: 4, due: 0, plan: null });
    expect(y2022.body.rows[0]).toMatchObject({ exchanging: 1, exchangingBackbone: 0, backbone: { required: 1, met: false } });
  });

  it('lists every group of the district in the current school year by default', async () => {
    const { body } = await get('edu', '/api/reports/exchange');

    expect(body.schoolYear).toBe(schoolYearOf(new Date(), policyConfig));
    expect(body.rows.map((r: { groupId: string }) => r.groupId).sort()).toEqual([org.group.id, looseGroupId].sort());
    expect(body.rows.find((r: { groupId: string }) => r.groupId === looseGroupId)).toMatchObject({ groupKind: 'LOOSE', teachers: 1 });
  });

  it('writes the checks in CSV', async () => {
    const { rows } = await csv('edu', `/api/reports/exchange?schoolYear=2026&groupId=${org.group.id}&format=csv`);

    expect(byHeader(rows, '集团编码', org.group.code)).toMatchObject({
      学年: '2026-2027',
      集团教师数: '20',
      '应交流教师数（满6年）': '5',
      轮岗计划人数: '1',
      计划已批准: '否',
      '计划交流比例（≥10%）': '未达标',
      在交流教师数: '4',
      '交流人数要求（≥10%）': '2',
      交流比例是否达标: '达标',
      骨干占比是否达标: '达标',
    });
  });
});

describe('subsidy ledger (R-FUND-NEWSCHOOL, R-FUND-RESERVE)', () => {
  it('sums each school and year by kind in fen, with yuan for reading', async () => {
    const { body } = await get('fin', '/api/reports/ledger?schoolYear=2026');

    expect(body.rows).toHaveLength(2);
    const member = body.rows.find((r: { schoolId: string }) => r.schoolId === org.member.id);
    expect(member).toMatchObject({
      schoolYear: 2026,
      byKind: {
        NEW_SCHOOL_CAMPUS: { fen: 100_000_000, yuan: '1,000,000.00', entries: 2 },
        NEW_SCHOOL_RESERVE: { fen: 12_345_678, yuan: '123,456.78', entries: 1 },
        LECTURE_FEE: { fen: 0, yuan: '0.00', entries: 0 },
      },
      total: { fen: 112_345_678, yuan: '1,123,456.78', entries: 3 },
    });
  });

  it('lists every year without a filter, and one school on request', async () => {
    const all = await get('fin', '/api/reports/ledger');
    const member = await get('fin', `/api/reports/ledger?schoolId=${org.member.id}`);

    expect(all.body.rows.map((r: { schoolCode: string; schoolYear: number }) => `${r.schoolCode}/${r.schoolYear}`)).toEqual([`${org.core.code}/2026`, `${org.member.code}/2025`, `${org.member.code}/2026`]);
    expect(member.body.rows.map((r: { schoolYear: number }) => r.schoolYear)).toEqual([2025, 2026]);
  });

  it('writes fen and yuan columns in CSV', async () => {
    const { rows } = await csv('fin', '/api/reports/ledger?schoolYear=2026&format=csv', { 'accept-language': 'en' });

    expect(byHeader(rows, 'School code', org.member.code)).toMatchObject({
      'School year': '2026-2027',
      'New-school campus funds (fen)': '100000000',
      'New-school campus funds (CNY)': '1,000,000.00',
      'Total (CNY)': '1,123,456.78',
      Entries: '3',
    });
  });
});

describe('open and overdue cases per unit and school', () => {
  it('counts pending and overdue tasks, distinct open cases and the oldest deadline', async () => {
    const { body } = await get('eduLead', '/api/reports/cases');
    const row = (code: string) => body.rows.find((r: { code: string }) => r.code === code);

    expect(row('EDU')).toMatchObject({ routedTo: 'UNIT', pendingTasks: 3, overdueTasks: 2, openCases: 2, oldestDueAt: overdueSince.toISOString() });
    expect(row('FIN')).toMatchObject({ routedTo: 'UNIT', pendingTasks: 0, overdueTasks: 0, openCases: 0, oldestDueAt: null });
    expect(row(org.core.code)).toMatchObject({ routedTo: 'SCHOOL', pendingTasks: 1, overdueTasks: 0, openCases: 1 });
    expect(row(org.member.code)).toBeUndefined();
  });

  it('shows the oldest deadline in Beijing time in CSV', async () => {
    const { rows } = await csv('edu', '/api/reports/cases?format=csv');
    const beijing = new Date(overdueSince.getTime() + 8 * HOUR).toISOString();

    expect(byHeader(rows, '编码', 'EDU')).toMatchObject({ 类型: '单位', 待办数: '3', 逾期数: '2', 未办结事项数: '2', '最早截止时间（北京时间）': `${beijing.slice(0, 10)} ${beijing.slice(11, 16)}` });
  });
});

describe('access and validation', () => {
  async function tokenFor(link: { unitId?: string }, roles: ('OFFICIAL' | 'ADMIN')[]) {
    const name = `reports-${randomUUID().slice(0, 8)}`;
    await db.official.create({ data: { login: name, displayName: name, email: `${name}@test.local`, passwordHash: await hashPassword(TEST_PASSWORD), roles, ...link } });
    return login(api, name);
  }

  it('refuses a caller without a session', async () => {
    const { status, body } = await call(api, 'GET', '/api/reports/coverage');

    expect(status).toBe(401);
    expect(body.error.code).toBe('UNAUTHENTICATED');
  });

  it("keeps officials to their own district's reports", async () => {
    const district = await get('edu', `/api/reports/coverage?districtId=${other.district.id}`);
    const group = await get('edu', `/api/reports/exchange?groupId=${other.group.id}`);
    const school = await get('edu', `/api/reports/ledger?schoolId=${other.member.id}`, 'en');

    expect([district.status, group.status, school.status]).toEqual([403, 403, 403]);
    expect(district.body.error.code).toBe('REPORT_OUT_OF_SCOPE');
    expect(school.body.error.message).toBe('You may read the reports of your own district only.');
  });

  it('refuses an account without a reading role, or without a district', async () => {
    const noRole = await call(api, 'GET', '/api/reports/cases', { token: await tokenFor({ unitId: org.units.edu.id }, []) });
    const noDistrict = await call(api, 'GET', '/api/reports/cases', { token: await tokenFor({}, ['OFFICIAL']) });

    expect([noRole.status, noRole.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect([noDistrict.status, noDistrict.body.error.code]).toEqual([403, 'REPORT_NO_DISTRICT']);
  });

  it.each([
    ['a school year that is not a year', '/api/reports/exchange?schoolYear=abc'],
    ['a school year out of range', '/api/reports/ledger?schoolYear=1999'],
    ['a group id that is not a uuid', '/api/reports/exchange?groupId=G1'],
    ['an unknown format', '/api/reports/cases?format=xlsx'],
  ])('answers 400 for %s', async (_label, path) => {
    const { status, body } = await get('edu', path);

    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for a group that does not exist', async () => {
    const { status, body } = await get('edu', `/api/reports/exchange?groupId=${randomUUID()}`);

    expect([status, body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('publishes the reports in the OpenAPI document', async () => {
    const { body } = await call(api, 'GET', '/openapi.json');

    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/reports/coverage', '/api/reports/exchange', '/api/reports/ledger', '/api/reports/cases']));
    expect(body.paths['/api/reports/exchange'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['schoolYear', 'groupId', 'districtId', 'format']));
    expect(Object.keys(body.paths['/api/reports/ledger'].get.responses['200'].content)).toEqual(['application/json', 'text/csv']);
  });
});
