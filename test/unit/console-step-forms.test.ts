import { describe, expect, it } from 'vitest';
import { canDrawForm, drawableFields, repeatedTeachers, rotationPlanForm } from '../../web/src/lib/step-forms.js';

describe('console step forms', () => {
  it('draws the fields of a known form kind from its schema', () => {
    expect(drawableFields('TEACHER_SCORE')).toEqual([
      { name: 'score', required: true, schema: expect.objectContaining({ type: 'integer', minimum: 0, maximum: 100 }) },
      { name: 'remarks', required: false, schema: expect.objectContaining({ type: 'string', maxLength: 2000 }) },
    ]);
  });

  it('draws the assessment forms, whose fields are numbers and texts', () => {
    expect(drawableFields('SELF_ASSESSMENT')?.map((f) => f.name)).toEqual(['summary', 'selfScore', 'achievements']);
    expect(drawableFields('TIER_DECISION')?.map((f) => [f.name, f.required])).toEqual([
      ['move', true],
      ['reason', false],
    ]);
  });

  it('draws nothing for a kind this build does not know, or one with lists of records or ids', () => {
    expect(drawableFields('NOMINATION_LIST_V9')).toBeNull();
    expect(drawableFields('NOMINATIONS')).toBeNull();
    expect(drawableFields('GROUP_ENDORSEMENT')).toBeNull();
  });

  it('draws the rotation plan with its own table editor, and still no other list form', () => {
    expect(drawableFields('ROTATION_PLAN')).toBeNull();
    expect(canDrawForm('ROTATION_PLAN')).toBe(true);
    expect(canDrawForm('TEACHER_SCORE')).toBe(true);
    for (const kind of ['NOMINATIONS', 'GROUP_ENDORSEMENT', 'DISTRICT_LIST', 'NOMINATION_LIST_V9']) expect(canDrawForm(kind)).toBe(false);
  });

  it('builds the rotation plan form the policy accepts, and refuses an empty plan or a teacher listed twice', () => {
    const [a, b, school] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    expect(rotationPlanForm([{ teacherId: a, toSchoolId: school }], '  ')).toEqual({ ok: true, data: { entries: [{ teacherId: a, toSchoolId: school }] } });
    expect(rotationPlanForm([{ teacherId: a, toSchoolId: school }, { teacherId: b, toSchoolId: school }], ' 骨干教师不足 ')).toEqual({
      ok: true,
      data: { entries: [{ teacherId: a, toSchoolId: school }, { teacherId: b, toSchoolId: school }], justification: '骨干教师不足' },
    });
    expect(rotationPlanForm([])).toEqual({ ok: false });
    expect(rotationPlanForm([{ teacherId: a }])).toEqual({ ok: false });
    expect(rotationPlanForm([{ teacherId: a, toSchoolId: school }, { teacherId: a, toSchoolId: school }])).toEqual({ ok: false });
    expect(repeatedTeachers([{ teacherId: a }, { teacherId: b }, { teacherId: a }, {}])).toEqual([a]);
    expect(repeatedTeachers([{ teacherId: a }, { teacherId: b }])).toEqual([]);
  });
});
