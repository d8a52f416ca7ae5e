import { describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import {
  canDrawForm,
  districtListForm,
  drawableFields,
  endorsementForm,
  formPayload,
  MAX_NOMINEES,
  newMemberTeachersForm,
  NOMINEE_MAX_LENGTH,
  nominationsForm,
  repeatedTeachers,
  repeatedValues,
  rotationPlanForm,
} from '../../web/src/lib/step-forms.js';

const id = () => crypto.randomUUID();

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

  it('draws every list form of the policy with an editor of its own, and still no kind it does not know', () => {
    for (const kind of ['ROTATION_PLAN', 'NOMINATIONS', 'GROUP_ENDORSEMENT', 'DISTRICT_LIST', 'NEW_MEMBER_TEACHERS']) {
      expect(drawableFields(kind), kind).toBeNull();
      expect(canDrawForm(kind), kind).toBe(true);
    }
    expect(canDrawForm('TEACHER_SCORE')).toBe(true);
    expect(canDrawForm('NOMINATION_LIST_V9')).toBe(false);
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

  it("R-AWARD-ANNUAL: takes a school's nominees up to the configured number, each name once, and none as an answer", () => {
    const nominee = (name: string) => ({ name, reason: '教学成绩突出' });
    expect(MAX_NOMINEES).toBe(policyConfig.commendation.maxNomineesPerSchool);
    expect(nominationsForm([])).toEqual({ ok: true, data: { nominees: [] } });
    const teacherId = id();
    expect(nominationsForm([{ name: ' 赵老师 ', reason: '集团教研牵头人', teacherId }, { name: '钱老师', reason: '交流成效显著', teacherId: null }])).toEqual({
      ok: true,
      data: { nominees: [{ name: '赵老师', reason: '集团教研牵头人', teacherId }, { name: '钱老师', reason: '交流成效显著' }] },
    });
    const full = Array.from({ length: MAX_NOMINEES }, (_, i) => nominee(`教师${i}`));
    expect(nominationsForm(full).ok).toBe(true);
    expect(nominationsForm([...full, nominee('多一位')]).ok).toBe(false);
    expect(nominationsForm([nominee('赵老师'), nominee('赵老师 ')]).ok).toBe(false);
    expect(repeatedValues(['赵老师', ' 赵老师', '钱老师', undefined, ''])).toEqual(['赵老师']);
    expect(nominationsForm([{ name: '赵老师', reason: '  ' }]).ok).toBe(false);
    expect(nominationsForm([{ name: 'x'.repeat((NOMINEE_MAX_LENGTH.name ?? 0) + 1), reason: '理由' }]).ok).toBe(false);
  });

  it('R-AWARD-ANNUAL: the endorsement lists nomination ids, each once; endorsing none is an answer', () => {
    const [a, b] = [id(), id()];
    expect(endorsementForm([a, b])).toEqual({ ok: true, data: { endorsed: [a, b] } });
    expect(endorsementForm([])).toEqual({ ok: true, data: { endorsed: [] } });
    expect(endorsementForm([a, a]).ok).toBe(false);
    expect(endorsementForm(['not-an-id']).ok).toBe(false);
  });

  it('R-AWARD-ANNUAL: the district list needs an outcome for every endorsed nominee and keeps a city preference only with a city recommendation', () => {
    const [a, b, c] = [id(), id(), id()];
    const choices = {
      [a]: { outcome: 'CITY_RECOMMENDED' as const, cityPreference: 'MOST_BEAUTIFUL_TEACHER' as const },
      [b]: { outcome: 'DISTRICT_LISTED' as const, cityPreference: 'EXCELLENT_HEAD_TEACHER' as const },
      [c]: { outcome: 'NOT_SELECTED' as const },
    };
    const list = { listed: [{ nominationId: a, cityRecommended: true, cityPreference: 'MOST_BEAUTIFUL_TEACHER' }, { nominationId: b, cityRecommended: false }] };
    expect(districtListForm(choices)).toEqual({ ok: true, data: list });
    expect(formPayload('DISTRICT_LIST', { outcomes: choices })).toEqual(list);
    expect(districtListForm({ [a]: { outcome: 'CITY_RECOMMENDED' } })).toEqual({ ok: true, data: { listed: [{ nominationId: a, cityRecommended: true }] } });
    expect(districtListForm({ [a]: { outcome: 'DISTRICT_LISTED' }, [b]: {} }).ok).toBe(false);
    expect(districtListForm({ [a]: undefined }).ok).toBe(false);
    expect(districtListForm({})).toEqual({ ok: true, data: { listed: [] } });
  });

  it("R-EXCH-NEWMEMBER: the joining school names exactly its group's number of teachers, each once", () => {
    const [a, b] = [id(), id()];
    expect(newMemberTeachersForm([a, b], 2)).toEqual({ ok: true, data: { teacherIds: [a, b] } });
    expect(newMemberTeachersForm([a], 2).ok).toBe(false);
    expect(newMemberTeachersForm([a, b, id()], 2).ok).toBe(false);
    expect(newMemberTeachersForm([a, a], 2).ok).toBe(false);
    expect(newMemberTeachersForm([], 0).ok).toBe(false);
  });

  it('sends the other forms as filled in, without empty fields', () => {
    expect(formPayload('TEACHER_SCORE', { score: 90, remarks: '', extra: null })).toEqual({ score: 90 });
    expect(formPayload('NOMINATIONS', { nominees: [] })).toEqual({ nominees: [] });
    expect(formPayload('TEACHER_SCORE', undefined)).toBeUndefined();
  });
});
