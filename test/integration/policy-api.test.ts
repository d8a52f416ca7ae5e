/**
 * Issue 14 point 2 through the API: everyone reads the policy's versions; only EDU leads add one,
 * effective today or later, checked whole before anything is saved, and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import { call } from '../support/api.js';
import { startStack, type Stack } from '../support/stack.js';

let s: Stack;
const added: number[] = [];

beforeAll(async () => {
  s = await startStack();
});

afterAll(async () => {
  await s?.db.policyVersion.deleteMany({ where: { version: { in: added } } });
  await s?.close();
});

// Far enough ahead that no other test's case starts under it.
const FAR = '2046-09-01';

describe('the policy versions API', () => {
  it('shows version 1, the policy text with its defaults, as in force', async () => {
    const read = await call(s.api, 'GET', '/api/policy', { token: s.tokens.member });
    expect(read.status).toBe(200);
    expect(read.body.current.config.exchange.termSchoolYears).toBe(policyConfig.exchange.termSchoolYears);
    expect(read.body.versions[0]).toMatchObject({ version: 1, config: policyConfig });
  });

  it('lets only EDU leads add a version', async () => {
    for (const who of ['edu', 'admin', 'scheduler', 'core', 'member'] as const) {
      const refused = await call(s.api, 'POST', '/api/policy/versions', { token: s.tokens[who], body: { effectiveFrom: FAR, note: 'x', changes: { exchange: { termSchoolYears: 2 } } } });
      expect([who, refused.status, refused.body.error.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
  });

  it('refuses a version that reaches back or holds a number the policy cannot mean, saving nothing', async () => {
    const count = await s.db.policyVersion.count();
    const past = await call(s.api, 'POST', '/api/policy/versions', { token: s.tokens.eduLead, body: { effectiveFrom: '2020-01-01', note: 'x', changes: { exchange: { termSchoolYears: 2 } } } });
    const zero = await call(s.api, 'POST', '/api/policy/versions', { token: s.tokens.eduLead, body: { effectiveFrom: FAR, note: 'x', changes: { exchange: { termSchoolYears: 0 }, funding: { reserveShare: 1.5 } } } });
    const unknown = await call(s.api, 'POST', '/api/policy/versions', { token: s.tokens.eduLead, body: { effectiveFrom: FAR, note: 'x', changes: { exchange: { termYears: 2 } } } });
    const timeZone = await call(s.api, 'POST', '/api/policy/versions', { token: s.tokens.eduLead, body: { effectiveFrom: FAR, note: 'x', changes: { utcOffsetMinutes: 0 } } });

    expect(past).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(zero.status).toBe(422);
    expect(zero.body.error.details.problems.map((p: { path: string }) => p.path).sort()).toEqual(['exchange.termSchoolYears', 'funding.reserveShare']);
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: 'POLICY_INVALID' } } });
    expect(timeZone).toMatchObject({ status: 422, body: { error: { code: 'POLICY_INVALID' } } });
    expect(await s.db.policyVersion.count()).toBe(count);
  });

  it('adds a version from an EDU lead, effective at the start of its day in Asia/Shanghai, audited', async () => {
    const created = await call(s.api, 'POST', '/api/policy/versions', { token: s.tokens.eduLead, body: { effectiveFrom: FAR, note: '交流期限调整为两学年', changes: { exchange: { termSchoolYears: 2 } } } });
    expect(created.status).toBe(201);
    added.push(created.body.version);
    expect(created.body.effectiveFrom).toBe('2046-08-31T16:00:00.000Z');
    expect(created.body.config.exchange).toEqual({ ...policyConfig.exchange, termSchoolYears: 2 });
    const audit = await s.db.auditLog.findFirstOrThrow({ where: { actorId: s.org.officials.eduLead.id, action: 'POLICY_VERSION_ADDED' } });
    expect(audit.details).toMatchObject({ version: created.body.version, basedOn: 1, changes: { exchange: { termSchoolYears: 2 } }, note: '交流期限调整为两学年' });
    const read = await call(s.api, 'GET', '/api/policy', { token: s.tokens.member });
    expect(read.body.current.version).toBe(1);
    expect(read.body.versions.map((v: { version: number }) => v.version)).toContain(created.body.version);
  });
});
