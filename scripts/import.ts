/**
 * `npm run import -- <file>... [--apply] [--district CODE] [--lang en] [--json]`: the org-data
 * import from the command line, straight to DATABASE_URL, with a progress bar on stderr. Without
 * --apply it is a dry run. Exit code 0: clean (and applied with --apply); 1: the report has errors
 * and nothing was written; 2: wrong usage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Language } from '../api/org-data/cells.js';
import { ENTITY_KEYS } from '../api/org-data/entities.js';
import { sheetName } from '../api/org-data/export.js';
import { applyImport, dryRunImport, type ImportProgress } from '../api/org-data/org-import.js';
import { buildReport, type ImportReport } from '../api/org-data/report.js';
import { importLimitsOf, loadEnvOrExit } from '../config/env.js';
import { policyConfig } from '../policy/config.js';
import { createDb, type Db } from '../prisma/client.js';

const USAGE = 'usage: npm run import -- <file.xlsx | file.csv>... [--apply] [--district CODE] [--lang zh|en] [--json]';
const BAR_WIDTH = 30;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseCommandLine() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { apply: { type: 'boolean', default: false }, district: { type: 'string' }, lang: { type: 'string', default: 'zh' }, json: { type: 'boolean', default: false } },
    });
    if (positionals.length === 0) fail('no file given');
    if (values.lang !== 'zh' && values.lang !== 'en') fail(`--lang must be zh or en, not ${values.lang}`);
    return { ...values, lang: values.lang as Language, files: positionals.map((p) => ({ path: path.resolve(p), name: path.basename(p) })) };
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
}

async function findDistrict(db: Db, code: string | undefined): Promise<string> {
  const districts = await db.district.findMany({ select: { id: true, code: true }, orderBy: { code: 'asc' } });
  const chosen = code ? districts.find((d) => d.code === code) : districts.length === 1 ? districts[0] : undefined;
  if (!chosen) fail(code ? `no district ${code}; there are: ${districts.map((d) => d.code).join(', ') || 'none'}` : `choose one with --district: ${districts.map((d) => d.code).join(', ') || 'none exists yet'}`);
  return chosen.id;
}

/** Redraws one line on a terminal; elsewhere (CI logs, pipes) prints each phase once. */
function progressBar(lang: Language) {
  const labels = lang === 'zh' ? { read: '读取文件', check: '校验数据', write: '写入数据' } : { read: 'reading', check: 'checking', write: 'writing' };
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  let lastPercent = -1;
  return (p: ImportProgress) => {
    const percent = p.phase === 'check' ? 100 : p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100);
    if (p.phase === lastPhase && percent === lastPercent) return;
    if (tty) {
      const filled = Math.round((percent / 100) * BAR_WIDTH);
      const count = p.phase === 'check' ? '' : p.phase === 'read' ? ` ${(p.done / 1048576).toFixed(1)}/${(p.total / 1048576).toFixed(1)} MB` : ` ${p.done}/${p.total}`;
      process.stderr.write(`${p.phase !== lastPhase && lastPhase ? '\n' : '\r'}${labels[p.phase].padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}%${count}`);
    } else if (p.phase !== lastPhase) process.stderr.write(`${labels[p.phase]}…\n`);
    lastPhase = p.phase;
    lastPercent = percent;
  };
}

function printReport(report: ImportReport, lang: Language, applied: boolean) {
  const zh = lang === 'zh';
  // A Chinese character is two columns wide in a terminal.
  const head = zh ? ['行数', '新增', '修改', '不变'].map((h) => h.padStart(3)) : ['rows', 'new', 'chg.', 'same'].map((h) => h.padStart(5));
  console.log(`\n${''.padEnd(zh ? 6 : 10, zh ? '　' : ' ')} ${head.join(' ')}`);
  for (const entity of ENTITY_KEYS) {
    const c = report.counts[entity];
    console.log(`${sheetName(entity, lang).padEnd(zh ? 6 : 10, zh ? '　' : ' ')} ${String(c.rows).padStart(5)} ${String(c.created).padStart(5)} ${String(c.changed).padStart(5)} ${String(c.unchanged).padStart(5)}`);
  }
  for (const p of report.problems) {
    const where = [p.sheet, p.row === null ? '' : zh ? `第 ${p.row} 行` : `row ${p.row}`, p.column ? `[${p.column}]` : '', p.value === null ? '' : `"${p.value}"`].filter(Boolean).join(' ');
    console.log(`${p.severity === 'error' ? (zh ? '错误' : 'ERROR') : zh ? '警告' : 'warning'}  ${where}: ${p.message}`);
  }
  for (const c of report.changes) {
    const fields = c.fields.map((f) => `${f.column}: ${f.before || '∅'} → ${f.after || '∅'}`).join('；');
    console.log(`${zh ? '修改' : 'change'}  ${c.sheet} ${zh ? `第 ${c.row} 行` : `row ${c.row}`} ${c.key}: ${fields}`);
  }
  if (report.truncated) console.log(zh ? '（仅列出前 1000 条）' : '(only the first 1000 are listed)');
  const verdict = !report.ok
    ? zh ? `有 ${report.errors} 个错误，未写入任何数据。` : `${report.errors} errors; nothing was written.`
    : applied ? (zh ? '已全部写入。' : 'Everything was written.')
    : zh ? '校验通过（试运行，未写入）；加 --apply 写入。' : 'Clean (dry run, nothing written); add --apply to write.';
  console.log(`\n${verdict}`);
}

async function main(): Promise<number> {
  const args = parseCommandLine();
  const env = loadEnvOrExit('DATABASE_URL');
  // The import's queries run one after another; one connection also suits the embedded PGlite.
  const db = createDb(env.DATABASE_URL, 1);
  try {
    const districtId = await findDistrict(db, args.district);
    const options = { districtId, config: policyConfig, limits: importLimitsOf(env), onProgress: progressBar(args.lang) };
    const started = performance.now();
    const outcome = args.apply ? await applyImport(db, args.files, options) : await dryRunImport(db, args.files, options);
    process.stderr.write(`\n${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    const report = buildReport(outcome, args.lang);
    if (args.json) console.log(JSON.stringify(report, null, 2));
    else printReport(report, args.lang, outcome.applied);
    return report.ok ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
