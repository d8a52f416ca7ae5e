/**
 * Seeds a generated district into DATABASE_URL — BENCH_TEACHERS teachers (default 10 000) in
 * BENCH_GROUPS tight groups (default 40) of six schools, plus schools outside any group, exchange
 * terms, rotation plans, ledger entries and pending approval tasks — then asks the API for every
 * report, as JSON and as CSV, as an EDU official, and prints the time of each request.
 * `DATABASE_URL=… npx tsx bench/reports.ts`
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createDb, type Db } from '../prisma/client.js';
import { runPrisma } from '../scripts/prisma.js';
import { login, startTestApi } from '../test/support/api.js';
import { createTestOrg, type TestOrg } from '../test/support/org.js';

const TEACHERS = Number(process.env.BENCH_TEACHERS ?? 10_000);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 40);
const SCHOOLS_PER_GROUP = 6;
const OUTSIDE_SCHOOLS = Math.round(GROUPS * 0.7);
const SCHOOL_YEARS = [2023, 2024, 2025, 2026];
const RUNS = 3;
const CHUNK = 5000;
const DAY_MS = 86_400_000;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

async function seed(db: Db, org: TestOrg) {
  const { tag, district } = org;
  const groups = Array.from({ length: GROUPS }, (_, g) => ({ id: randomUUID(), code: `BG${g}-${tag}`, name: `第${g + 1}教育集团`, districtId: district.id }));
  await db.educationGroup.createMany({ data: groups });
  const schools = groups.flatMap((group, g) =>
    Array.from({ length: SCHOOLS_PER_GROUP }, (_, s) => ({
      id: randomUUID(),
      code: `BS${g}-${s}-${tag}`,
      name: `第${g + 1}集团第${s + 1}校`,
      districtId: district.id,
      groupId: group.id,
      role: s === 0 ? ('CORE' as const) : ('MEMBER' as const),
      foundedOn: new Date(s === SCHOOLS_PER_GROUP - 1 ? '2024-09-01' : '1990-09-01'),
    })),
  );
  const outside = Array.from({ length: OUTSIDE_SCHOOLS }, (_, s) => ({ id: randomUUID(), code: `BO${s}-${tag}`, name: `独立学校${s + 1}`, districtId: district.id, foundedOn: new Date('2000-09-01') }));
  await db.school.createMany({ data: [...schools, ...outside] });

  const teachers = Array.from({ length: TEACHERS }, (_, t) => {
    const school = schools[t % schools.length]!;
    return {
      id: randomUUID(),
      staffNo: `BT${t}-${tag}`,
      name: `教师${t}`,
      homeSchoolId: school.id,
      currentSchoolId: school.id,
      joinedGroupOn: new Date(Date.UTC(2008, 8, 1) + (t % 6200) * DAY_MS),
      backbone: t % 3 === 0 ? ('BACKBONE' as const) : ('NONE' as const),
      graduatingClass: t % 6 === 0,
      groupId: school.groupId,
      schoolId: school.id,
    };
  });
  await inChunks(teachers, (chunk) => db.teacher.createMany({ data: chunk.map(({ groupId: _g, schoolId: _s, ...t }) => t) }));

  // About one teacher in eight starts a three-year term in each school year.
  const exchanges = teachers.flatMap((t, i) => {
    if (i % 32 >= SCHOOL_YEARS.length) return [];
    const startSchoolYear = SCHOOL_YEARS[i % SCHOOL_YEARS.length]!;
    const status = startSchoolYear === 2026 ? ('APPROVED' as const) : startSchoolYear === 2023 && i % 64 === 0 ? ('ENDED_EARLY' as const) : ('ACTIVE' as const);
    return [{ teacherId: t.id, caseId: randomUUID(), groupId: t.groupId, fromSchoolId: t.schoolId, toSchoolId: t.schoolId, startSchoolYear, termSchoolYears: 3, status, ...(status === 'ENDED_EARLY' ? { endedAt: new Date('2024-12-01') } : {}) }];
  });
  await inChunks(exchanges, (chunk) => db.teacherExchange.createMany({ data: chunk }));

  const teachersPerGroup = TEACHERS / GROUPS;
  await db.rotationPlan.createMany({
    data: groups.flatMap((group) => SCHOOL_YEARS.map((schoolYear) => ({ groupId: group.id, schoolYear, caseId: randomUUID(), teacherCount: teachersPerGroup, dueCount: Math.round(teachersPerGroup / 3), plannedCount: Math.round(teachersPerGroup / 8), backboneCount: Math.round(teachersPerGroup / 16), approvedAt: new Date() }))),
  });

  const newSchools = schools.filter((s) => s.foundedOn.getUTCFullYear() === 2024);
  const ledger = newSchools.flatMap((s, i) =>
    SCHOOL_YEARS.slice(1).flatMap((schoolYear) => [
      { kind: 'NEW_SCHOOL_CAMPUS' as const, schoolYear, schoolId: s.id, payeeSchoolId: schools[i * SCHOOLS_PER_GROUP]!.id, amountFen: 50_000_000, caseId: randomUUID(), dedupeKey: randomUUID() },
      { kind: 'NEW_SCHOOL_RESERVE' as const, schoolYear, schoolId: s.id, amountFen: 32_000_000 + i, caseId: randomUUID(), dedupeKey: randomUUID() },
      { kind: 'LECTURE_FEE' as const, schoolYear, schoolId: s.id, amountFen: 80_000, caseId: randomUUID(), dedupeKey: randomUUID() },
    ]),
  );
  await db.ledgerEntry.createMany({ data: ledger });

  // Two tasks per case: a core-school review and an EDU or FIN step, a third of them past due.
  const cases = Array.from({ length: GROUPS * 50 }, (_, c) => ({ id: randomUUID(), type: 'GENERIC_APPROVAL' as const, workflowId: `bench-${tag}-${c}`, title: `事项${c}`, schoolId: schools[c % schools.length]!.id }));
  await inChunks(cases, (chunk) => db.case.createMany({ data: chunk }));
  const now = Date.now();
  const tasks = cases.flatMap((c, i) => [
    { caseId: c.id, stepIndex: 0, stepKey: 'bench-core', taskKey: randomUUID(), schoolId: c.schoolId, openedAt: new Date(now - 10 * DAY_MS), dueAt: new Date(now + ((i % 3) - 1) * 3 * DAY_MS), state: i % 2 === 0 ? ('APPROVED' as const) : ('PENDING' as const) },
    { caseId: c.id, stepIndex: 1, stepKey: 'bench-unit', taskKey: randomUUID(), unitId: i % 4 === 0 ? org.units.fin.id : org.units.edu.id, openedAt: new Date(now - 5 * DAY_MS), dueAt: new Date(now + ((i % 3) - 1) * 2 * DAY_MS), overdue: i % 3 === 0 },
  ]);
  await inChunks(tasks, (chunk) => db.approvalTask.createMany({ data: chunk }));
  return { groups: groups.length, schools: schools.length + outside.length, teachers: teachers.length, exchanges: exchanges.length, ledger: ledger.length, cases: cases.length, tasks: tasks.length };
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL to the PostgreSQL database to seed, e.g. postgresql://postgres@127.0.0.1:55432/groupflow_reports');
await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
const db = createDb(databaseUrl);
// The report routes never reach Temporal; a lazy connection is never opened.
const api = await startTestApi({ db, temporal: new Client({ connection: Connection.lazy() }), taskQueue: 'bench-reports' });
try {
  const org = await createTestOrg(db);
  const began = performance.now();
  const counts = await seed(db, org);
  console.log(`seeded in ${((performance.now() - began) / 1000).toFixed(1)} s: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  const token = await login(api, org.officials.edu.login);
  const reports = ['/api/reports/coverage', '/api/reports/exchange?schoolYear=2026', '/api/reports/ledger', '/api/reports/cases'];
  for (const path of reports) {
    for (const format of ['json', 'csv']) {
      const times: string[] = [];
      let size = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const start = performance.now();
        const response = await fetch(`${api.url}${path}${path.includes('?') ? '&' : '?'}format=${format}`, { headers: { authorization: `Bearer ${token}` } });
        const body = await response.arrayBuffer();
        if (!response.ok) throw new Error(`${path} answered ${response.status}: ${Buffer.from(body).toString()}`);
        times.push(`${(performance.now() - start).toFixed(0)} ms`);
        size = body.byteLength;
      }
      console.log(`${`${path} (${format})`.padEnd(48)} ${times.join(' / ').padEnd(26)} ${(size / 1024).toFixed(1)} KB`);
    }
  }
} finally {
  await api.close();
  await db.$disconnect();
}
