/**
 * What an import would do: its problems, what it creates and changes, and the writes that do it.
 * The helpers here merge a row into the stored record and compare the two, the same way for every
 * entity.
 */
import type { BackboneCategory, Prisma, ProfessionalTitle } from '../../generated/prisma/client.js';
import type { PolicyConfig } from '../../policy/config.js';
import { ENTITIES, ENTITY_KEYS, keyOf, type EntityKey, type FieldValue, type Views } from './entities.js';
import type { Problem } from './problems.js';
import type { ParsedRow } from './read-import.js';

export interface FieldChange {
  field: string;
  before: FieldValue;
  after: FieldValue;
}

export interface Change {
  entity: EntityKey;
  key: string;
  sheet: string;
  row: number;
  fields: FieldChange[];
}

export interface Counts {
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
}

/** A teacher as written in bulk (the one table that runs to tens of thousands of rows). */
export interface TeacherRow {
  id: string;
  staffNo: string;
  name: string;
  homeSchoolId: string;
  currentSchoolId: string;
  /** `YYYY-MM-DD` */
  joinedGroupOn: string;
  backbone: BackboneCategory;
  graduatingClass: boolean;
  title: ProfessionalTitle;
}

export interface Writes {
  groups: { create: Prisma.EducationGroupCreateManyInput[]; update: { id: string; data: Prisma.EducationGroupUncheckedUpdateInput }[] };
  schools: { create: Prisma.SchoolCreateManyInput[]; update: { id: string; data: Prisma.SchoolUncheckedUpdateInput }[] };
  campuses: { create: Prisma.CampusCreateManyInput[]; remove: { schoolId: string; names: string[] }[] };
  teachers: { create: TeacherRow[]; update: TeacherRow[] };
  officials: { create: Prisma.OfficialCreateManyInput[]; update: { id: string; data: Prisma.OfficialUncheckedUpdateInput }[] };
}

export interface ImportPlan {
  problems: Problem[];
  counts: Record<EntityKey, Counts>;
  changes: Change[];
  writes: Writes;
  /** Sheet and field of each MISSING_COLUMN already reported. */
  missingColumns: Set<string>;
}

export interface CheckContext {
  districtId: string;
  /** `YYYY-MM-DD` in the bureau's time zone: later dates are refused. */
  today: string;
  config: PolicyConfig;
  /** The official importing through the API, who must not lock themself out. */
  actorLogin?: string;
}

/** A record in the district after the import, by natural key. */
export interface Final<V> {
  id: string;
  view: V;
}

export function emptyPlan(problems: Problem[]): ImportPlan {
  const counts = Object.fromEntries(ENTITY_KEYS.map((k) => [k, { rows: 0, created: 0, changed: 0, unchanged: 0 }])) as Record<EntityKey, Counts>;
  return {
    problems,
    counts,
    changes: [],
    missingColumns: new Set(),
    writes: { groups: { create: [], update: [] }, schools: { create: [], update: [] }, campuses: { create: [], remove: [] }, teachers: { create: [], update: [] }, officials: { create: [], update: [] } },
  };
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function problemAt<K extends EntityKey>(row: ParsedRow<K>, field: keyof Views[K] & string, code: Problem['code'], params?: Problem['params']): Problem {
  const column = ENTITIES[row.sheet.entity].columns.find((c) => c.field === field);
  const raw = row.raw[field];
  return {
    code,
    sheet: row.sheet.name,
    row: row.row,
    column: row.sheet.columnOf[field] ?? column?.zh ?? field,
    value: raw === undefined || raw === '' ? null : raw,
    ...(params ? { params } : {}),
  };
}

/** Keeps the first row of each key; later ones are reported as duplicates. */
export function uniqueRows<K extends EntityKey>(entity: K, rows: readonly ParsedRow<K>[], problems: Problem[]): ParsedRow<K>[] {
  const first = new Map<string, ParsedRow<K>>();
  const field = ENTITIES[entity].columns[0]!.field;
  for (const row of rows) {
    const key = keyOf(entity, row.values as Partial<Views[K]>);
    const seen = first.get(key);
    if (seen) problems.push(problemAt(row, field, 'DUPLICATE_KEY', { firstRow: seen.row, firstSheet: seen.sheet.name }));
    else first.set(key, row);
  }
  return [...first.values()];
}

/** The record as the row leaves it: absent columns keep the stored value, blank cells the default. */
export function mergeRow<K extends EntityKey>(entity: K, stored: Views[K] | undefined, row: ParsedRow<K>): Views[K] {
  const spec = ENTITIES[entity];
  const merged: Record<string, unknown> = { ...stored };
  for (const { field } of spec.columns) {
    const value = row.values[field];
    if (value === null) merged[field] = spec.defaults[field] ?? null;
    else if (value !== undefined) merged[field] = value;
    else if (!stored) merged[field] = spec.defaults[field] ?? null;
  }
  return merged as unknown as Views[K];
}

function sameValue(a: unknown, b: unknown): boolean {
  return Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

export function diffViews<K extends EntityKey>(entity: K, before: Views[K], after: Views[K]): FieldChange[] {
  return ENTITIES[entity].columns
    .filter(({ field }) => !sameValue(before[field], after[field]))
    .map(({ field }) => ({ field, before: before[field] as FieldValue, after: after[field] as FieldValue }));
}

/**
 * A file may leave out required columns when it only updates records; a row that creates one
 * needs them all. Reported once per sheet and column, on the first row that needs it.
 */
export function requireColumnsForNew<K extends EntityKey>(plan: ImportPlan, row: ParsedRow<K>, stored: Views[K] | undefined): void {
  if (stored) return;
  for (const column of ENTITIES[row.sheet.entity].columns) {
    if (!column.required || row.sheet.columnOf[column.field] !== undefined) continue;
    row.invalid = true;
    const seen = `${row.sheet.name}\u0000${column.field}`;
    if (plan.missingColumns.has(seen)) continue;
    plan.missingColumns.add(seen);
    plan.problems.push({ code: 'MISSING_COLUMN', sheet: row.sheet.name, row: row.row, column: null, value: null, params: { column: `${column.zh} / ${column.en}` } });
  }
}

/** A new record with a bad or missing cell has nothing sound to check against the rest. */
export function checkable<K extends EntityKey>(row: ParsedRow<K>, stored: unknown): boolean {
  return stored !== undefined || !row.invalid;
}

/** Counts a row and, when it changes a stored record, records the change. */
export function tally<K extends EntityKey>(plan: ImportPlan, entity: K, row: ParsedRow<K>, stored: Views[K] | undefined, after: Views[K]): FieldChange[] {
  const counts = plan.counts[entity];
  counts.rows += 1;
  // An invalid row's problem stops the import; it is neither created nor changed.
  if (row.invalid) return [];
  if (!stored) {
    counts.created += 1;
    return [];
  }
  const fields = diffViews(entity, stored, after);
  if (fields.length === 0) counts.unchanged += 1;
  else {
    counts.changed += 1;
    plan.changes.push({ entity, key: keyOf(entity, after), sheet: row.sheet.name, row: row.row, fields });
  }
  return fields;
}

export async function inChunks<T, R>(items: readonly T[], size: number, fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await fn(items.slice(i, i + size))));
  return results;
}
