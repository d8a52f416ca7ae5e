/**
 * An import from start to end, shared by the API, the CLI and the benchmark: read the files, check
 * them (the dry run), and — when asked and clean — write everything in one transaction.
 */
import type { ImportLimits } from '../../config/env.js';
import { localDate } from '../../policy/calendar.js';
import type { PolicyConfig } from '../../policy/config.js';
import type { Db } from '../../prisma/client.js';
import { checkImport } from './check-import.js';
import type { ImportPlan } from './plan.js';
import { severityOf } from './problems.js';
import { readImport, type ImportInput } from './read-import.js';
import type { SourceFile } from './read-files.js';
import { writeImport } from './write-import.js';

export type ImportProgress = { phase: 'read'; done: number; total: number } | { phase: 'check' } | { phase: 'write'; done: number; total: number };

export interface ImportOptions {
  districtId: string;
  config: PolicyConfig;
  actorLogin?: string;
  /** DEFAULT_IMPORT_LIMITS unless given. */
  limits?: ImportLimits;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportOutcome {
  plan: ImportPlan;
  applied: boolean;
}

/** One import at a time, whatever the district: natural keys are unique across districts. */
const IMPORT_LOCK_SQL = 'SELECT pg_advisory_xact_lock(4206805)';
/** A district of 50 000 teachers takes well under a minute; the margin is for slow disks. */
const APPLY_TIMEOUT_MS = 30 * 60_000;

export function hasErrors(plan: ImportPlan): boolean {
  return plan.problems.some((p) => severityOf(p.code) === 'error');
}

async function read(files: readonly SourceFile[], options: ImportOptions): Promise<ImportInput> {
  const input = await readImport(files, (done, total) => options.onProgress?.({ phase: 'read', done, total }), options.limits);
  options.onProgress?.({ phase: 'check' });
  return input;
}

function context(options: ImportOptions) {
  return { districtId: options.districtId, config: options.config, actorLogin: options.actorLogin, today: localDate(new Date(), options.config.utcOffsetMinutes) };
}

export async function dryRunImport(db: Db, files: readonly SourceFile[], options: ImportOptions): Promise<ImportOutcome> {
  const input = await read(files, options);
  return { plan: await checkImport(db, input, context(options)), applied: false };
}

/** Checks again inside the transaction, so what is written matches the database it is written to. */
export async function applyImport(db: Db, files: readonly SourceFile[], options: ImportOptions): Promise<ImportOutcome> {
  const input = await read(files, options);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(IMPORT_LOCK_SQL);
      const plan = await checkImport(tx, input, context(options));
      if (hasErrors(plan)) return { plan, applied: false };
      await writeImport(tx, plan.writes, (done, total) => options.onProgress?.({ phase: 'write', done, total }));
      return { plan, applied: true };
    },
    { maxWait: APPLY_TIMEOUT_MS, timeout: APPLY_TIMEOUT_MS },
  );
}
