/** The one text rule (policy/text.ts) every string from outside passes: request fields, form fields, imported cells. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseCell } from '../../api/org-data/cells.js';
import { checkForm } from '../../policy/forms.js';
import { safeJson, safeText, textProblem } from '../../policy/text.js';

const title = safeText(200);
const comment = safeText(2000, { blank: true });
const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('control characters', () => {
  it.each([
    ['U+0000', '同意\u0000'],
    ['U+0001', '\u0001同意'],
    ['U+001B (escape)', '同\u001B意'],
    ['U+007F (delete)', '同意\u007F'],
    ['U+0085 (C1 next line)', '同\u0085意'],
    ['U+009F', '同意\u009F'],
    ['U+000B (vertical tab)', '同\u000B意'],
    ['U+000C (form feed)', '同\u000C意'],
  ])('refuses %s', (_name, text) => {
    expect(textProblem(text)).toBe('CONTROL_CHARACTER');
    expect(messages(title, text)).toEqual([expect.stringContaining('control characters')]);
    expect(comment.safeParse(text).success).toBe(false);
  });

  it('keeps tab, line feed and carriage return inside text', () => {
    expect(comment.parse('第一行\r\n第二行\t完')).toBe('第一行\r\n第二行\t完');
    expect(textProblem('第一行\r\n第二行\t完')).toBeUndefined();
  });
});

describe('bidi controls', () => {
  it.each(['202A', '202B', '202C', '202D', '202E', '2066', '2067', '2068', '2069'])('refuses U+%s', (hex) => {
    const bidi = String.fromCharCode(parseInt(hex, 16));
    const text = `invoice${bidi}fdp.exe`;
    expect(textProblem(text)).toBe('BIDI_CONTROL');
    expect(messages(comment, text)).toEqual([expect.stringContaining('bidirectional')]);
  });

  it('keeps right-to-left text itself and the left-to-right mark', () => {
    expect(title.parse('مدرسة 第一中学')).toBe('مدرسة 第一中学');
    expect(title.parse('A\u200EB')).toBe('A\u200EB');
  });
});

describe('visible text', () => {
  it.each([
    ['zero-width spaces', '\u200B\u200B'],
    ['a zero-width joiner and a BOM', '\u200D\uFEFF'],
    ['a soft hyphen', '\u00AD'],
  ])('refuses a required text of only %s', (_name, text) => {
    expect(messages(title, text)).toEqual(['must contain a visible character']);
  });

  it.each([' \t ', '\u3000'])('refuses blank required text once, as empty (%j)', (text) => {
    expect(title.safeParse(text).error?.issues.map((i) => i.code)).toEqual(['too_small']);
  });

  it('lets an optional comment be empty, and trims what it keeps', () => {
    expect(comment.parse('')).toBe('');
    expect(title.parse('  申请集团教研经费 \n')).toBe('申请集团教研经费');
  });

  it('keeps a password as typed', () => {
    expect(safeText(200, { trim: false }).parse(' pass word ')).toBe(' pass word ');
  });
});

describe('free JSON of a form, before its kind is known', () => {
  it('names the path of every string, key included, that breaks the rule', () => {
    const result = safeJson().safeParse({ nominees: [{ name: '张三', reason: 'ok' }, { name: '李\u0000四' }], ['bad\u202Ekey']: 1, score: 3 });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['nominees.1.name', expect.stringContaining('control characters')],
      ['bad\u202Ekey', expect.stringContaining('a key must not contain bidirectional')],
    ]);
  });

  it('accepts ordinary forms and refuses nesting deeper than any form has', () => {
    expect(safeJson().safeParse({ entries: [{ teacherId: 'x', toSchoolId: 'y' }], justification: '因故' }).success).toBe(true);
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i += 1) deep = [deep];
    expect(safeJson().safeParse(deep).error?.issues[0]?.message).toContain('nested deeper');
  });
});

describe('the same rule in the step forms and the import', () => {
  it('refuses a NUL in a form field, naming the field', () => {
    expect(checkForm('GROUP_SIZE_JUSTIFICATION', { justification: '理由\u0000' })).toMatch(/^justification: must not contain control characters/);
    expect(checkForm('NOMINATIONS', { nominees: [{ name: '\u200B', reason: '优秀' }] })).toBe('nominees.0.name: must contain a visible character');
    expect(checkForm('GROUP_SIZE_JUSTIFICATION', { justification: '理由充分' })).toBeNull();
  });

  it('refuses such cells in an imported sheet', () => {
    const text = { type: 'text', max: 50 } as const;
    expect(parseCell(text, '张\u0000三')).toEqual({ ok: false, code: 'CONTROL_CHARACTER' });
    expect(parseCell(text, '张\u202E三')).toEqual({ ok: false, code: 'BIDI_CONTROL' });
    expect(parseCell(text, '\u200B')).toEqual({ ok: false, code: 'NOT_VISIBLE' });
    expect(parseCell({ type: 'email' }, 'a\u0000@b.cn')).toEqual({ ok: false, code: 'CONTROL_CHARACTER' });
    expect(parseCell(text, '张三')).toEqual({ ok: true, value: '张三' });
  });
});
