/**
 * The administrators' teacher lookup (GET /api/teachers) that feeds the case search's teacher
 * filter: by part of a name or staff number, paged, only in the admin's own district.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../prisma/client.js';
import { call } from '../support/api.js';
import { createTestOrg, type TestOrg } from '../support/org.js';
import { startStack, type Stack } from '../support/stack.js';

let s: Stack;

beforeAll(async () => {
  s = await startStack();
});

afterAll(async () => {
  await s?.close();
});

function createNamedTeacher(db: Db, org: TestOrg, name: string, staffNo: string, schoolId = org.member.id) {
  return db.teacher.create({ data: { staffNo, name, homeSchoolId: schoolId, currentSchoolId: schoolId, joinedGroupOn: new Date('2015-09-01') } });
}

const lookup = (token: string | undefined, query: string) => call(s.api, 'GET', `/api/teachers${query}`, token ? { token } : {});

describe('teacher lookup for administrators', () => {
  it('answers 401 without a session and 403 to officials who are not administrators', async () => {
    expect((await lookup(undefined, '')).status).toBe(401);
    for (const who of ['member', 'core', 'edu', 'scheduler'] as const) {
      const refused = await lookup(s.tokens[who], '?q=x');
      expect([who, refused.status, refused.body.error.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
  });

  it('finds teachers of the district by part of a name or of a staff number (any case), with their school', async () => {
    // Arrange
    const tag = randomUUID().slice(0, 6);
    const wang = await createNamedTeacher(s.db, s.org, `王${tag}老师`, `TA-${tag}-001`);
    const li = await createNamedTeacher(s.db, s.org, `李${tag}老师`, `TA-${tag}-002`, s.org.core.id);
    const elsewhere = await createTestOrg(s.db);
    await createNamedTeacher(s.db, elsewhere, `王${tag}老师`, `TA-${tag}-003`);

    // Act
    const byName = await lookup(s.tokens.admin, `?q=${encodeURIComponent(`王${tag}`)}`);
    const byStaffNo = await lookup(s.tokens.admin, `?q=${encodeURIComponent(`ta-${tag}`)}`);

    // Assert: the other district's namesake is not found.
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual({ total: 1, items: [{ id: wang.id, staffNo: wang.staffNo, name: wang.name, homeSchool: { id: s.org.member.id, code: s.org.member.code, name: s.org.member.name } }] });
    expect(byStaffNo.body.total).toBe(2);
    expect(byStaffNo.body.items.map((t: { id: string }) => t.id)).toEqual([wang.id, li.id]);
  });

  it('pages through the result in staff-number order', async () => {
    // Arrange
    const tag = randomUUID().slice(0, 6);
    const teachers = [];
    for (let i = 1; i <= 5; i += 1) teachers.push(await createNamedTeacher(s.db, s.org, `张${tag}老师${i}`, `TP-${tag}-${i}`));

    // Act
    const first = await lookup(s.tokens.admin, `?q=TP-${tag}&limit=2`);
    const last = await lookup(s.tokens.admin, `?q=TP-${tag}&limit=2&offset=4`);

    // Assert
    expect(first.body.total).toBe(5);
    expect(first.body.items.map((t: { staffNo: string }) => t.staffNo)).toEqual([`TP-${tag}-1`, `TP-${tag}-2`]);
    expect(last.body.items.map((t: { id: string }) => t.id)).toEqual([teachers[4]!.id]);
  });

  it('takes % _ and \\ in the query as the characters typed, not as LIKE wildcards', async () => {
    // Arrange: names holding the characters themselves, and a name that a wildcard would match.
    const tag = randomUUID().slice(0, 6);
    const percent = await createNamedTeacher(s.db, s.org, `百分${tag}%老师`, `TW-${tag}-1`);
    const underscore = await createNamedTeacher(s.db, s.org, `下划${tag}_老师`, `TW-${tag}-2`);
    const backslash = await createNamedTeacher(s.db, s.org, `反斜${tag}\\老师`, `TW-${tag}-3`);
    await createNamedTeacher(s.db, s.org, `普通${tag}x老师`, `TW-${tag}-4`);
    const ids = async (q: string) => {
      const found = await lookup(s.tokens.admin, `?q=${encodeURIComponent(q)}&limit=200`);
      expect(found.status).toBe(200);
      return found.body.items.map((t: { id: string }) => t.id);
    };

    // Act
    const [byPercent, byUnderscore, byBackslash, onlyPercent, onlyUnderscore] = [
      await ids(`${tag}%`),
      await ids(`${tag}_`),
      await ids(`${tag}\\`),
      await ids('%'),
      await ids('_'),
    ];

    // Assert: a bare wildcard would have listed every teacher of the district.
    expect(byPercent).toEqual([percent.id]);
    expect(byUnderscore).toEqual([underscore.id]);
    expect(byBackslash).toEqual([backslash.id]);
    expect(onlyPercent).toEqual([percent.id]);
    expect(onlyUnderscore).toEqual([underscore.id]);
  });

  it('refuses a query it cannot read, naming the field', async () => {
    const tooLong = await lookup(s.tokens.admin, `?q=${'x'.repeat(51)}`);
    const badLimit = await lookup(s.tokens.admin, '?limit=0');
    expect([tooLong.status, tooLong.body.error.code, tooLong.body.error.details[0].path]).toEqual([400, 'VALIDATION_FAILED', 'q']);
    expect([badLimit.status, badLimit.body.error.details[0].path]).toEqual([400, 'limit']);
  });

  it('is described in /openapi.json with its query', async () => {
    const doc = await call(s.api, 'GET', '/openapi.json');
    const parameters = doc.body.paths['/api/teachers'].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
    expect(parameters).toEqual(['query:q', 'query:limit', 'query:offset']);
    expect(Object.keys(doc.body.paths)).toContain('/api/cases/{id}/nominations');
  });
});
