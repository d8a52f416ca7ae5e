/**
 * Generates a district of BENCH_TEACHERS teachers (default 50 000) in BENCH_SCHOOLS schools
 * (default 200, in tight groups of a core school and four members) as one `.xlsx`, then times the
 * dry run, the apply, and a second dry run of the same file (which must change nothing), printing
 * the time and peak memory of each. Uses DATABASE_URL when set, else the embedded PGlite.
 * `npx tsx --expose-gc bench/import.ts` measures each phase from a collected heap.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { applyImport, dryRunImport, type ImportOutcome } from '../api/org-data/org-import.js';
import { policyConfig } from '../policy/config.js';
import { createDb } from '../prisma/client.js';
import { startEmbeddedPostgres } from '../scripts/embedded-postgres.js';
import { runPrisma } from '../scripts/prisma.js';
import { createTestOrg } from '../test/support/org.js';

const TEACHERS = Number(process.env.BENCH_TEACHERS ?? 50_000);
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 200);
const SCHOOLS_PER_GROUP = 5;
const MB = 1024 * 1024;
const TITLES = ['二级教师', '一级教师', '高级教师', '三级教师'];
const BACKBONES = ['无', '无', '无', '骨干教师', '教坛新星', '学科带头人'];

async function generate(file: string, tag: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = (name: string, headers: string[]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow(headers).commit();
    return ws;
  };
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

  const groups = sheet('教育集团', ['集团编码', '集团名称', '集团类型', '层级']);
  for (let g = 0; g < SCHOOLS / SCHOOLS_PER_GROUP; g += 1) groups.addRow([`G${g}-${tag}`, `第${g + 1}教育集团`, '紧密型', 1 + (g % 3)]).commit();
  groups.commit();

  const schools = sheet('学校', ['学校编码', '学校名称', '所属集团编码', '学校角色', '建校日期', '薄弱学校', '校区']);
  for (let s = 0; s < SCHOOLS; s += 1) {
    const group = Math.floor(s / SCHOOLS_PER_GROUP);
    schools.addRow([`S${s}-${tag}`, `第${s + 1}小学`, `G${group}-${tag}`, s % SCHOOLS_PER_GROUP === 0 ? '核心校' : '成员校', date(`${1950 + (s % 60)}-09-01`), s % 7 === 0 ? '是' : '否', s % 4 === 0 ? '本部、东校区' : '本部']).commit();
  }
  schools.commit();

  const teachers = sheet('教师', ['工号', '姓名', '人事关系学校编码', '任教学校编码', '加入集团日期', '骨干类别', '毕业班教师', '职称']);
  for (let t = 0; t < TEACHERS; t += 1) {
    const school = t % SCHOOLS;
    teachers.addRow([`T${String(t).padStart(6, '0')}-${tag}`, `教师${t}`, `S${school}-${tag}`, `S${school}-${tag}`, date(`${2010 + (t % 15)}-09-01`), BACKBONES[t % BACKBONES.length], t % 6 === 0 ? '是' : '否', TITLES[t % TITLES.length]]).commit();
  }
  teachers.commit();

  const officials = sheet('工作人员', ['登录名', '姓名', '电子邮箱', '所属单位', '所属学校编码', '角色', '单位负责人', '启用']);
  for (let s = 0; s < SCHOOLS; s += 1) officials.addRow([`s${s}-${tag}`, `第${s + 1}小学审批人`, `s${s}-${tag}@example.cn`, null, `S${s}-${tag}`, '工作人员', '是', '是']).commit();
  officials.commit();
  await workbook.commit();
}

/** Peak resident and heap memory while `fn` runs, sampled every 10 ms. */
async function measured<T>(label: string, fn: () => Promise<T>): Promise<T> {
  // With --expose-gc each phase starts without the previous phase's garbage.
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 10);
  const began = performance.now();
  try {
    return await fn();
  } finally {
    clearInterval(sampler);
    const seconds = (performance.now() - began) / 1000;
    console.log(`${label.padEnd(26)} ${seconds.toFixed(1).padStart(6)} s   peak RSS ${(peakRss / MB).toFixed(0).padStart(5)} MB (from ${(start.rss / MB).toFixed(0)})   peak heap ${(peakHeap / MB).toFixed(0).padStart(5)} MB (from ${(start.heapUsed / MB).toFixed(0)})`);
  }
}

function summary({ plan, applied }: ImportOutcome): string {
  const c = plan.counts;
  return `   ${plan.problems.length} problems, applied ${applied}; teachers created ${c.teachers.created}, changed ${c.teachers.changed}, unchanged ${c.teachers.unchanged}`;
}

const pg = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
const databaseUrl = process.env.DATABASE_URL ?? pg!.url;
await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
const db = createDb(databaseUrl, pg?.poolSize ?? 10);
const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-import-'));
try {
  const org = await createTestOrg(db);
  const file = path.join(dir, 'district.xlsx');
  await measured(`generate ${TEACHERS} teachers`, () => generate(file, org.tag));
  console.log(`   ${file.split(path.sep).pop()}: ${((await stat(file)).size / MB).toFixed(1)} MB, ${SCHOOLS} schools, ${TEACHERS} teachers, ${SCHOOLS} officials (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`);
  const files = [{ path: file, name: 'district.xlsx' }];
  const options = { districtId: org.district.id, config: policyConfig };
  console.log(summary(await measured('dry run', () => dryRunImport(db, files, options))));
  console.log(summary(await measured('apply', () => applyImport(db, files, options))));
  console.log(summary(await measured('dry run again (no-op)', () => dryRunImport(db, files, options))));
} finally {
  await rm(dir, { recursive: true, force: true });
  await db.$disconnect();
  await pg?.stop();
}
