import { describe, expect, it } from 'vitest';
import { drawableFields } from '../../web/src/lib/step-forms.js';

describe('console step forms', () => {
  it('draws the fields of a known form kind from its schema', () => {
    expect(drawableFields('TEACHER_SCORE')).toEqual([
      { name: 'score', required: true, schema: expect.objectContaining({ type: 'integer', minimum: 0, maximum: 100 }) },
      { name: 'remarks', required: false, schema: expect.objectContaining({ type: 'string', maxLength: 2000 }) },
    ]);
  });

  it('draws nothing for a kind this build does not know', () => {
    expect(drawableFields('NOMINATION_LIST_V9')).toBeNull();
  });
});
