/**
 * Which forms of a step (policy/forms.ts) the console can draw: simple ones from the form's schema,
 * lists of records by an editor of their own (components/forms/). The editors' data are checked
 * here against the same schemas the API checks, so nothing the policy refuses is sent.
 */
import { z } from 'zod';
import type { CityPreferenceCode } from '../../../policy/commendation.js';
import { policyConfig } from '../../../policy/config.js';
import { isFormKind, stepForms, type FormData as StepFormData, type FormKind } from '../../../policy/forms.js';

export interface FieldSchema {
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
  items?: FieldSchema;
}

export type Drawable = { name: string; schema: FieldSchema; required: boolean };

/** Form kinds whose data are lists of records or of ids, drawn by an editor of their own. */
export const LIST_EDITOR_KINDS = ['ROTATION_PLAN', 'NOMINATIONS', 'GROUP_ENDORSEMENT', 'DISTRICT_LIST', 'NEW_MEMBER_TEACHERS'] as const;

export type ListEditorKind = (typeof LIST_EDITOR_KINDS)[number];

export function hasListEditor(kind: string): kind is ListEditorKind {
  return (LIST_EDITOR_KINDS as readonly string[]).includes(kind);
}

/** Whether the console can draw the form of a kind, by its schema or by a list editor. */
export function canDrawForm(kind: string): boolean {
  return hasListEditor(kind) || drawableFields(kind) !== null;
}

/** The fields of a known form kind, or null when the kind or one of its fields cannot be drawn. */
export function drawableFields(kind: string): Drawable[] | null {
  if (!isFormKind(kind)) return null;
  const json = z.toJSONSchema(stepForms()[kind]) as { properties?: Record<string, FieldSchema>; required?: string[] };
  const fields = Object.entries(json.properties ?? {}).map(([name, schema]) => ({ name, schema, required: json.required?.includes(name) ?? false }));
  // Lists of ids (nominations, teachers) need a picker of their own, not free text: not drawn here.
  const drawable = (s: FieldSchema) => s.enum || ['integer', 'number', 'string', 'boolean'].includes(s.type ?? '') || (s.type === 'array' && s.items?.type === 'string' && !s.items.format);
  return fields.every((f) => drawable(f.schema)) ? fields : null;
}

export type Checked<T> = { ok: true; data: T } | { ok: false };

function checked<K extends FormKind>(kind: K, data: unknown): Checked<StepFormData<K>> {
  const parsed = stepForms()[kind].safeParse(data);
  return parsed.success ? { ok: true, data: parsed.data as StepFormData<K> } : { ok: false };
}

/** The values given more than once (blanks ignored, compared trimmed). */
export function repeatedValues(values: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const raw of values) {
    const v = raw?.trim();
    if (v) (seen.has(v) ? repeated : seen).add(v);
  }
  return [...repeated];
}

export interface RotationPlanRow {
  teacherId?: string;
  toSchoolId?: string;
}

/** The teachers listed more than once in a rotation plan's rows (the policy lists each at most once). */
export function repeatedTeachers(rows: readonly RotationPlanRow[]): string[] {
  return repeatedValues(rows.map((r) => r.teacherId));
}

/** A rotation plan's form data as the policy validates it, or the first problem found. */
export function rotationPlanForm(rows: readonly RotationPlanRow[], justification?: string): Checked<StepFormData<'ROTATION_PLAN'>> {
  const text = justification?.trim();
  return checked('ROTATION_PLAN', { entries: rows, ...(text ? { justification: text } : {}) });
}

/** R-AWARD-ANNUAL: most nominees one school may put forward. */
export const MAX_NOMINEES = policyConfig.commendation.maxNomineesPerSchool;

const nominee = stepForms().NOMINATIONS.shape.nominees.element.shape;
/** The longest name and reason the policy's form takes, so the inputs stop there. */
export const NOMINEE_MAX_LENGTH = { name: nominee.name.maxLength ?? undefined, reason: nominee.reason.maxLength ?? undefined };

export interface NomineeRow {
  name?: string;
  reason?: string;
  teacherId?: string | null;
}

/** R-AWARD-ANNUAL: a school's nominees (none is an answer too), each name once, at most MAX_NOMINEES. */
export function nominationsForm(rows: readonly NomineeRow[]): Checked<StepFormData<'NOMINATIONS'>> {
  return checked('NOMINATIONS', { nominees: rows.map((r) => ({ name: r.name, reason: r.reason, ...(r.teacherId ? { teacherId: r.teacherId } : {}) })) });
}

/** R-AWARD-ANNUAL: the nominations (ids) the core school endorses. */
export function endorsementForm(ids: readonly string[]): Checked<StepFormData<'GROUP_ENDORSEMENT'>> {
  return checked('GROUP_ENDORSEMENT', { endorsed: ids });
}

export const DISTRICT_OUTCOMES = ['NOT_SELECTED', 'DISTRICT_LISTED', 'CITY_RECOMMENDED'] as const;
export const CITY_PREFERENCES: readonly CityPreferenceCode[] = ['MOST_BEAUTIFUL_TEACHER', 'EXCELLENT_HEAD_TEACHER'];

export interface DistrictChoice {
  outcome?: (typeof DISTRICT_OUTCOMES)[number];
  cityPreference?: CityPreferenceCode | null;
}

type Choices = Readonly<Record<string, DistrictChoice | undefined>>;

/**
 * R-AWARD-ANNUAL: EDU's outcome for each endorsed nomination (by id) as the district list: those not
 * selected are left out, and a city preference counts only for a nominee recommended to the city.
 */
function districtList(choices: Choices) {
  const listed = Object.entries(choices)
    .filter(([, c]) => c?.outcome !== 'NOT_SELECTED')
    .map(([nominationId, c]) => {
      const city = c?.outcome === 'CITY_RECOMMENDED';
      return { nominationId, cityRecommended: city, ...(city && c.cityPreference ? { cityPreference: c.cityPreference } : {}) };
    });
  return { listed };
}

/** The district list as the policy validates it; every endorsed nomination needs an outcome, none is left to chance. */
export function districtListForm(choices: Choices): Checked<StepFormData<'DISTRICT_LIST'>> {
  if (Object.values(choices).some((c) => !c?.outcome)) return { ok: false };
  return checked('DISTRICT_LIST', districtList(choices));
}

/** R-EXCH-NEWMEMBER: the teachers a joining school sends, each once, as many as its group asks (`count`, when known). */
export function newMemberTeachersForm(ids: readonly string[], count: number | undefined): Checked<StepFormData<'NEW_MEMBER_TEACHERS'>> {
  if (count !== undefined && ids.length !== count) return { ok: false };
  return checked('NEW_MEMBER_TEACHERS', { teacherIds: ids });
}

/** What a decision sends as its form: the editor's values, in the shape of the policy's form. */
export function formPayload(kind: string, values: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!values) return undefined;
  if (kind === 'DISTRICT_LIST') return districtList((values.outcomes ?? {}) as Choices);
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
