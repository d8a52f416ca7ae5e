/** Which fields of a step's form (policy/forms.ts) the console can draw, read from the form's schema. */
import { z } from 'zod';
import { isFormKind, stepForms } from '../../../policy/forms.js';

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

/** Form kinds whose data are lists of records, drawn by an editor of their own (StepForm.tsx). */
export const LIST_EDITOR_KINDS = ['ROTATION_PLAN'] as const;

export function hasListEditor(kind: string): boolean {
  return (LIST_EDITOR_KINDS as readonly string[]).includes(kind);
}

/** Whether the console can draw the form of a kind, by its schema or by a list editor. */
export function canDrawForm(kind: string): boolean {
  return hasListEditor(kind) || drawableFields(kind) !== null;
}

export interface RotationPlanRow {
  teacherId?: string;
  toSchoolId?: string;
}

/** The teachers listed more than once in a rotation plan's rows (the policy lists each at most once). */
export function repeatedTeachers(rows: readonly RotationPlanRow[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const r of rows) if (r.teacherId) (seen.has(r.teacherId) ? repeated : seen).add(r.teacherId);
  return [...repeated];
}

/** A rotation plan's form data as the policy validates it, or the first problem found. */
export function rotationPlanForm(rows: readonly RotationPlanRow[], justification?: string): { ok: true; data: { entries: { teacherId: string; toSchoolId: string }[]; justification?: string } } | { ok: false } {
  const text = justification?.trim();
  const parsed = stepForms.ROTATION_PLAN.safeParse({ entries: rows, ...(text ? { justification: text } : {}) });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false };
}

/** The fields of a known form kind, or null when the kind or one of its fields cannot be drawn. */
export function drawableFields(kind: string): Drawable[] | null {
  if (!isFormKind(kind)) return null;
  const json = z.toJSONSchema(stepForms[kind]) as { properties?: Record<string, FieldSchema>; required?: string[] };
  const fields = Object.entries(json.properties ?? {}).map(([name, schema]) => ({ name, schema, required: json.required?.includes(name) ?? false }));
  // Lists of ids (nominations, teachers) need a picker of their own, not free text: not drawn here.
  const drawable = (s: FieldSchema) => s.enum || ['integer', 'number', 'string', 'boolean'].includes(s.type ?? '') || (s.type === 'array' && s.items?.type === 'string' && !s.items.format);
  return fields.every((f) => drawable(f.schema)) ? fields : null;
}

