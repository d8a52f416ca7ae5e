import { describe, expect, it } from 'vitest';
import { drawableFields } from '../../web/src/lib/step-forms.js';

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
});
