/** One cell in, one value out — and back: how a spreadsheet cell becomes a field value and the reverse. */
import { z } from 'zod';
import { fromSpreadsheet } from '../../policy/spreadsheet.js';
import { hasVisibleCharacter, textProblem } from '../../policy/text.js';
import type { Choice, ColumnKind, FieldValue } from './entities.js';
import type { ProblemCode } from './problems.js';

/** What the readers hand over: CSV gives strings, `.xlsx` also numbers, booleans and dates. */
export type RawCell = string | number | boolean | Date | null;

export type Language = 'zh' | 'en';

export type CellResult = { ok: true; value: FieldValue } | { ok: false; code: ProblemCode; params?: Record<string, string | number> };

const TRUE_WORDS = new Set(['是', 'true', 'yes', 'y', '1', '√']);
const FALSE_WORDS = new Set(['否', 'false', 'no', 'n', '0', '×']);
const LIST_SEPARATORS = /[、;；,，|\n]+/;
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const email = z.email();

export function isBlank(raw: RawCell): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * The cell as text, for reports and text columns (a staff number typed as 00123 arrives as 123),
 * without the apostrophe the export puts before text that a spreadsheet would run as a formula.
 */
export function cellText(raw: RawCell): string {
  if (raw === null) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  return fromSpreadsheet(String(raw).trim());
}

export function parseCell(kind: ColumnKind, raw: RawCell): CellResult {
  if (isBlank(raw)) return { ok: true, value: null };
  // The API's one text rule (policy/text.ts), for every cell written as text.
  const problem = typeof raw === 'string' ? textProblem(raw) : undefined;
  if (problem) return { ok: false, code: problem };
  switch (kind.type) {
    case 'text': {
      const text = cellText(raw);
      if (!hasVisibleCharacter(text)) return { ok: false, code: 'NOT_VISIBLE' };
      return text.length > kind.max ? { ok: false, code: 'TOO_LONG', params: { max: kind.max } } : { ok: true, value: text };
    }
    case 'email': {
      const text = cellText(raw);
      return email.safeParse(text).success ? { ok: true, value: text } : { ok: false, code: 'INVALID_EMAIL' };
    }
    case 'date':
      return parseDate(raw);
    case 'bool':
      return parseBool(raw);
    case 'int': {
      const n = typeof raw === 'number' ? raw : /^-?\d+$/.test(cellText(raw)) ? Number(cellText(raw)) : NaN;
      return Number.isInteger(n) && n >= kind.min && n <= kind.max ? { ok: true, value: n } : { ok: false, code: 'INVALID_NUMBER', params: { min: kind.min, max: kind.max } };
    }
    case 'choice': {
      const code = matchChoice(kind.choices, cellText(raw));
      return code ? { ok: true, value: code } : invalidChoice(kind.choices);
    }
    case 'textList':
      return { ok: true, value: canonicalList(splitList(cellText(raw))) };
    case 'choiceList': {
      const codes = splitList(cellText(raw)).map((item) => matchChoice(kind.choices, item));
      if (codes.some((c) => c === undefined)) return invalidChoice(kind.choices);
      return { ok: true, value: kind.choices.map((c) => c.code).filter((c) => codes.includes(c)) };
    }
  }
}

function parseDate(raw: RawCell): CellResult {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? { ok: false, code: 'INVALID_DATE' } : { ok: true, value: raw.toISOString().slice(0, 10) };
  // A date cell that lost its date format is an Excel serial day number.
  if (typeof raw === 'number') {
    return raw > 0 && raw < 2_958_466 ? { ok: true, value: new Date(EXCEL_EPOCH_MS + Math.floor(raw) * DAY_MS).toISOString().slice(0, 10) } : { ok: false, code: 'INVALID_DATE' };
  }
  const text = cellText(raw);
  const match = DATE_TEXT.exec(text) ?? COMPACT_DATE.exec(text);
  if (!match) return { ok: false, code: 'INVALID_DATE' };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, code: 'INVALID_DATE' };
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

function parseBool(raw: RawCell): CellResult {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const word = cellText(raw).toLowerCase();
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, code: 'INVALID_BOOLEAN' };
}

/** Codes match in any case and with spaces or hyphens for underscores; Chinese labels match exactly. */
function matchChoice(choices: readonly Choice[], text: string): string | undefined {
  const asCode = text.toUpperCase().replace(/[\s-]+/g, '_');
  return choices.find((c) => c.code === asCode || c.zh === text)?.code;
}

function invalidChoice(choices: readonly Choice[]): CellResult {
  return { ok: false, code: 'INVALID_CHOICE', params: { allowedZh: choices.map((c) => c.zh).join('、'), allowedEn: choices.map((c) => c.code).join(', ') } };
}

function splitList(text: string): string[] {
  return text.split(LIST_SEPARATORS).map((item) => item.trim()).filter(Boolean);
}

/** Lists are sets: one order (sorted, no repeats) so that comparing and exporting agree. */
export function canonicalList(items: readonly string[]): string[] {
  return [...new Set(items)].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** A value as a cell of an exported sheet: typed for `.xlsx`, text for CSV. */
export function formatCell(kind: ColumnKind, value: FieldValue | undefined, lang: Language, target: 'xlsx' | 'csv'): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (kind.type) {
    case 'date':
      return target === 'xlsx' ? new Date(`${String(value)}T00:00:00Z`) : String(value);
    case 'bool':
      return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
    case 'int':
      return target === 'xlsx' ? Number(value) : String(value);
    case 'choice':
      return choiceLabel(kind.choices, String(value), lang);
    case 'textList':
      return (value as readonly string[]).join(lang === 'zh' ? '、' : '; ');
    case 'choiceList':
      return (value as readonly string[]).map((code) => choiceLabel(kind.choices, code, lang)).join(lang === 'zh' ? '、' : '; ');
    default:
      return String(value);
  }
}

function choiceLabel(choices: readonly Choice[], code: string, lang: Language): string {
  return lang === 'zh' ? (choices.find((c) => c.code === code)?.zh ?? code) : code;
}

/** A value as text in a report (before/after of a change). */
export function displayValue(kind: ColumnKind, value: FieldValue | undefined, lang: Language): string {
  const cell = formatCell(kind, value, lang, 'csv');
  return cell === null ? '' : String(cell);
}
