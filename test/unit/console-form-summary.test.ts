import { describe, expect, it } from 'vitest';
import { formSummary } from '../../web/src/lib/form-summary.js';

const labels: Record<string, string> = { nominees: '推荐人选', endorsed: '同意推荐', score: '分数' };
const label = (key: string) => labels[key] ?? key;
const words = (nameOf: (id: string) => string | undefined) => ({ label, nameOf, none: '无' });

describe("the timeline's line for a decision's form", () => {
  it('shows lists of records by whom they name, and ids by the names the console knows', () => {
    const [a, b, teacher] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const names = new Map<string, string>([[a, '赵老师'], [teacher, '钱老师（T001）']]);
    const nameOf = (id: string) => names.get(id);
    expect(formSummary({ nominees: [{ name: '赵老师', reason: '教研牵头', teacherId: teacher }, { name: '孙老师', reason: '班主任' }] }, words(nameOf))).toBe('推荐人选: 赵老师、孙老师');
    expect(formSummary({ endorsed: [a, b] }, words(nameOf))).toBe(`同意推荐: 赵老师、${b}`);
    expect(formSummary({ listed: [{ nominationId: a, cityRecommended: true }] }, words(nameOf))).toBe('listed: 赵老师');
    expect(formSummary({ entries: [{ teacherId: teacher, toSchoolId: b }] }, words(nameOf))).toBe('entries: 钱老师（T001）');
  });

  it('says when a list is empty, as a school nominating nobody sends it', () => {
    expect(formSummary({ nominees: [] }, words(() => undefined))).toBe('推荐人选: 无');
  });

  it('shows plain values as they are', () => {
    expect(formSummary({ score: 92, remarks: '优秀', passed: true, tags: ['教研', '德育'] }, words(() => undefined))).toBe('分数: 92；remarks: 优秀；passed: true；tags: 教研、德育');
  });
});
