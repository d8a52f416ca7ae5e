/** The import report as the API answers it and the CLI prints it, in zh-CN or English. */
import { displayValue, type Language } from './cells.js';
import { ENTITIES, type AnyEntitySpec, type EntityKey } from './entities.js';
import { hasErrors, type ImportOutcome } from './org-import.js';
import type { Counts } from './plan.js';
import { describeProblem, severityOf, type ReportedProblem } from './problems.js';

export interface ReportedChange {
  entity: EntityKey;
  key: string;
  sheet: string;
  row: number;
  fields: { field: string; column: string; before: string; after: string }[];
}

export interface ImportReport {
  /** No errors: applying would write (or has written) everything. */
  ok: boolean;
  applied: boolean;
  errors: number;
  warnings: number;
  counts: Record<EntityKey, Counts>;
  /** Errors first, then warnings, each in file order. */
  problems: ReportedProblem[];
  changes: ReportedChange[];
  /** True when problems or changes were cut at the limit; the counts are always complete. */
  truncated: boolean;
}

/** Enough to fix a file by; a report of 50 000 rows helps nobody. */
export const REPORT_LIMIT = 1000;

export function buildReport({ plan, applied }: ImportOutcome, lang: Language, limit = REPORT_LIMIT): ImportReport {
  const errors = plan.problems.filter((p) => severityOf(p.code) === 'error');
  const warnings = plan.problems.filter((p) => severityOf(p.code) === 'warning');
  const problems = [...errors, ...warnings].slice(0, limit).map((p) => describeProblem(p, lang));
  const changes = plan.changes.slice(0, limit).map((change) => {
    const spec = ENTITIES[change.entity] as AnyEntitySpec;
    return {
      ...change,
      fields: change.fields.map(({ field, before, after }) => {
        const column = spec.columns.find((c) => c.field === field)!;
        return { field, column: lang === 'zh' ? column.zh : column.en, before: displayValue(column.kind, before, lang), after: displayValue(column.kind, after, lang) };
      }),
    };
  });
  return {
    ok: !hasErrors(plan),
    applied,
    errors: errors.length,
    warnings: warnings.length,
    counts: plan.counts,
    problems,
    changes,
    truncated: plan.problems.length > limit || plan.changes.length > limit,
  };
}
