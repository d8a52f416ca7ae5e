/**
 * The one rule for text accepted from outside — request bodies and queries, form fields, imported
 * cells, login names. It lives in policy/ because the step forms use it inside workflows as well.
 *
 * Why: a comment holding U+0000 was once accepted into a case workflow's history, and the activity
 * writing it to PostgreSQL then failed for ever (22021, invalid byte sequence), wedging the case.
 * Control characters have no place in what officials type; bidi overrides and isolates make a
 * name or title read differently from what it holds; a title of zero-width spaces says nothing.
 */
import { z } from 'zod';

export type TextProblem = 'CONTROL_CHARACTER' | 'BIDI_CONTROL' | 'NOT_VISIBLE';

export const textProblemMessages: Record<TextProblem, string> = {
  CONTROL_CHARACTER: 'must not contain control characters (only tab, carriage return and line feed are allowed)',
  BIDI_CONTROL: 'must not contain bidirectional override or isolate characters',
  NOT_VISIBLE: 'must contain a visible character',
};

/** C0 controls but tab, LF and CR; DEL and the C1 controls. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

/** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** Whitespace, separators, controls and format characters (zero-width space and joiners, BOM, soft hyphen…) show nothing. */
const VISIBLE = /[^\s\p{Z}\p{Cc}\p{Cf}]/u;

/** What is wrong with `text` under the rule, leaving aside whether it must show something. */
export function textProblem(text: string): Exclude<TextProblem, 'NOT_VISIBLE'> | undefined {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isControl(code)) return 'CONTROL_CHARACTER';
    if (isBidiControl(code)) return 'BIDI_CONTROL';
  }
  return undefined;
}

export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}

export interface SafeTextOptions {
  /** An empty string is allowed (an optional comment sent as ""); otherwise the text must show a visible character. */
  blank?: boolean;
  /** Passwords are taken as typed; everything else loses its surrounding whitespace. */
  trim?: boolean;
}

/** The zod type of every string the API and the step forms accept. */
export function safeText(max: number, options: SafeTextOptions = {}) {
  const text = (options.trim === false ? z.string() : z.string().trim())
    .max(max)
    .refine((s) => textProblem(s) !== 'CONTROL_CHARACTER', { message: textProblemMessages.CONTROL_CHARACTER })
    .refine((s) => textProblem(s) !== 'BIDI_CONTROL', { message: textProblemMessages.BIDI_CONTROL });
  if (options.blank) return text;
  // Empty text is min(1)'s issue; the visible check speaks only about text that has characters.
  return text.min(1).refine((s) => s.length === 0 || hasVisibleCharacter(s), { message: textProblemMessages.NOT_VISIBLE });
}

/** Deeper than any step form goes (a list of objects holding text). */
const MAX_DEPTH = 8;

/**
 * Free JSON (a step's `form` before its form kind is known) under the same rule: every string in it,
 * keys included, is checked with the path to it, so the answer names the field. A function, so that
 * workflows, which load this module for the forms, do not build a schema they never use.
 */
export const safeJson = () => z.unknown().superRefine((value, ctx) => {
  const check = (text: string, path: (string | number)[], what = '') => {
    const problem = textProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: `${what}${textProblemMessages[problem]}`, path });
  };
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (typeof node === 'string') return check(node, path);
    if (node === null || typeof node !== 'object') return;
    if (path.length >= MAX_DEPTH) {
      ctx.addIssue({ code: 'custom', message: `must not be nested deeper than ${MAX_DEPTH} levels`, path });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      const at = [...path, Array.isArray(node) ? Number(key) : key];
      if (!Array.isArray(node)) check(key, at, 'a key ');
      walk(child, at);
    }
  };
  walk(value, []);
});
