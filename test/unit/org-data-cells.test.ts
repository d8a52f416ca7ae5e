/** How one spreadsheet cell is read, whatever program wrote it. */
import { describe, expect, it } from 'vitest';
import { formatCell, parseCell } from '../../api/org-data/cells.js';
import { ROLES, TITLES } from '../../api/org-data/entities.js';

const date = { type: 'date' } as const;

describe('dates', () => {
  it.each([
    ['2001-09-01', '2001-09-01'],
    ['2001/9/1', '2001-09-01'],
    ['2001.09.01', '2001-09-01'],
    ['2001年9月1日', '2001-09-01'],
    ['20010901', '2001-09-01'],
    ['2001-09-01 00:00:00', '2001-09-01'],
  ])('reads %s', (text, expected) => {
    expect(parseCell(date, text)).toEqual({ ok: true, value: expected });
  });

  it('reads a date cell and an Excel serial day number', () => {
    expect(parseCell(date, new Date('2001-09-01T00:00:00Z'))).toEqual({ ok: true, value: '2001-09-01' });
    expect(parseCell(date, 37135)).toEqual({ ok: true, value: '2001-09-01' });
  });

  it.each(['2001-02-29', '2001-13-01', '9/1/2001', 'yesterday'])('refuses %s', (text) => {
    expect(parseCell(date, text)).toMatchObject({ ok: false, code: 'INVALID_DATE' });
  });
});

describe('yes/no', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['Yes', true],
    ['N', false],
    ['1', true],
    [false, false],
  ])('reads %s', (raw, expected) => {
    expect(parseCell({ type: 'bool' }, raw)).toEqual({ ok: true, value: expected });
  });
});

describe('choices and lists', () => {
  const title = { type: 'choice', choices: TITLES } as const;
  const roles = { type: 'choiceList', choices: ROLES } as const;

  it('takes a Chinese label or a code in any case', () => {
    expect(parseCell(title, '一级教师')).toEqual({ ok: true, value: 'FIRST_GRADE' });
    expect(parseCell(title, 'first grade')).toEqual({ ok: true, value: 'FIRST_GRADE' });
  });

  it('reads a list in any separator as a set, in one order', () => {
    expect(parseCell(roles, '管理员、工作人员；admin')).toEqual({ ok: true, value: ['OFFICIAL', 'ADMIN'] });
    expect(parseCell({ type: 'textList' }, '东校区, 本部;东校区')).toEqual({ ok: true, value: ['本部', '东校区'] });
  });

  it('takes a blank cell as no value, for the default to apply', () => {
    expect(parseCell(title, '  ')).toEqual({ ok: true, value: null });
  });

  it('writes what it reads', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(parseCell(roles, formatCell(roles, ['OFFICIAL', 'SCHEDULER'], lang, 'csv'))).toEqual({ ok: true, value: ['OFFICIAL', 'SCHEDULER'] });
      expect(parseCell(date, formatCell(date, '2024-02-29', lang, 'xlsx'))).toEqual({ ok: true, value: '2024-02-29' });
    }
  });
});
