/** `npm run import -- <file>`: the same import from the command line, run as a real process. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '../../prisma/client.js';
import { createTestOrg, type TestOrg } from '../support/org.js';
import { csvFile, editFixture, fixture, newTag, type Entity } from '../support/org-data-files.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENTITIES: Entity[] = ['groups', 'schools', 'teachers', 'officials'];
let db: Db;
let org: TestOrg;
let dir: string;

beforeAll(async () => {
  db = createDb(inject('databaseUrl'), inject('databasePoolSize'));
  org = await createTestOrg(db);
  dir = await mkdtemp(path.join(os.tmpdir(), 'org-data-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db?.$disconnect();
});

async function writeDistrict(tag: string, teachers = fixture('zh', 'teachers', tag)): Promise<string[]> {
  return Promise.all(
    ENTITIES.map(async (entity) => {
      const file = path.join(dir, `${tag}-${entity}.csv`);
      await writeFile(file, csvFile(file, entity === 'teachers' ? teachers : fixture('zh', entity, tag), 'gb18030').bytes);
      return file;
    }),
  );
}

function runImport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: inject('databaseUrl') } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run import', () => {
  it('dry-runs by default and writes with --apply', async () => {
    const tag = newTag();
    const files = await writeDistrict(tag);

    const dryRun = await runImport([...files, '--district', org.district.code]);
    const teachersAfterDryRun = await db.teacher.count({ where: { staffNo: { startsWith: `T${tag}` } } });
    const applied = await runImport([...files, '--district', org.district.code, '--apply', '--lang', 'en']);

    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/教师\u3000+ +7 +7 +0 +0/);
    expect(dryRun.stdout).toContain('校验通过（试运行，未写入）');
    expect(dryRun.stderr).toContain('读取文件');
    expect(teachersAfterDryRun).toBe(0);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Everything was written.');
    expect(await db.teacher.count({ where: { staffNo: { startsWith: `T${tag}` } } })).toBe(7);
  });

  it('exits 1 with the problems listed when a row is wrong, and writes nothing', async () => {
    const tag = newTag();
    const teachers = editFixture(fixture('zh', 'teachers', tag), (rows) => rows.map((r, i) => (i === 1 ? [...r.slice(0, 4), '2099-01-01', ...r.slice(5)] : r)));
    const files = await writeDistrict(tag, teachers);

    const result = await runImport([...files, '--district', org.district.code, '--apply']);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`错误  ${tag}-teachers.csv 第 3 行 [加入集团日期] "2099-01-01": 日期晚于今天`);
    expect(result.stdout).toContain('未写入任何数据');
    expect(await db.school.count({ where: { code: { endsWith: tag } } })).toBe(0);
  });
});
