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

/** The fields of a known form kind, or null when the kind or one of its fields cannot be drawn. */
export function drawableFields(kind: string): Drawable[] | null {
  if (!isFormKind(kind)) return null;
  const json = z.toJSONSchema(stepForms[kind]) as { properties?: Record<string, FieldSchema>; required?: string[] };
  const fields = Object.entries(json.properties ?? {}).map(([name, schema]) => ({ name, schema, required: json.required?.includes(name) ?? false }));
  // Lists of ids (nominations, teachers) need a picker of their own, not free text: not drawn here.
  const drawable = (s: FieldSchema) => s.enum || ['integer', 'number', 'string', 'boolean'].includes(s.type ?? '') || (s.type === 'array' && s.items?.type === 'string' && !s.items.format);
  return fields.every((f) => drawable(f.schema)) ? fields : null;
}

