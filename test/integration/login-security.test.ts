/**
 * Logins and headers (issue 13 points 5 and 6): failed logins are throttled per login name and per
 * client address before the password is hashed, with the counters in PostgreSQL so that every API
 * instance sees them; unknown logins cost what known ones cost; every refusal is audited; and every
 * answer carries the security headers, /api answers also `Cache-Control: no-store`.
 */
import { randomBytes, randomUUID, scrypt } from 'node:crypto';
import type * as Crypto from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { hashPassword } from '../../api/auth/password.js';
import type { LoginLimits } from '../../config/env.js';
import { createDb, type Db } from '../../prisma/client.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../support/org.js';

// scrypt counted, to see which attempts were hashed.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});

let db: Db;
let org: TestOrg;
let connection: Connection;
let temporal: Client;
let consoleDir: string;
const apis: TestApi[] = [];

// Logins need no workflow: a lazy Temporal client that is never called.
async function api(loginLimits: Partial<LoginLimits> = {}, options: { consoleDir?: string } = {}): Promise<TestApi> {
  const started = await startTestApi({
    db,
    temporal,
    taskQueue: 'unused',
    loginLimits: { maxFailuresPerLogin: 3, maxFailuresPerAddress: 100, windowSeconds: 600, lockSeconds: 900, ...loginLimits },
    // The tests name client addresses through X-Forwarded-For from this trusted (loopback) proxy.
    trustProxy: ['loopback'],
    ...options,
  });
  apis.push(started);
  return started;
}

/** An address of the IPv6 documentation range no other test or earlier run has used (counters live 15 minutes in the shared database). */
const newAddress = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

async function attempt(target: TestApi, login: string, password: string, address: string) {
  const response = await fetch(`${target.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ login, password }),
  });
  const body = (await response.json()) as { token?: string; error?: { code: string; details?: { retryAfterSeconds: number } } };
  return { status: response.status, code: body.error?.code, retryAfter: response.headers.get('retry-after'), body };
}

async function newOfficial(active = true) {
  const login = `login-${randomUUID().slice(0, 8)}`;
  return db.official.create({ data: { login, displayName: login, email: `${login}@test.local`, passwordHash: await hashPassword(TEST_PASSWORD), roles: ['OFFICIAL'], active, unitId: org.officials.edu.unitId } });
}

beforeAll(async () => {
  db = createDb(inject('databaseUrl'), inject('databasePoolSize'));
  org = await createTestOrg(db);
  connection = Connection.lazy({ address: inject('temporalAddress') });
  temporal = new Client({ connection });
  consoleDir = await mkdtemp(path.join(os.tmpdir(), 'login-console-'));
  await writeFile(path.join(consoleDir, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>');
});

afterAll(async () => {
  for (const started of apis) await started.close();
  await connection?.close();
  await db?.$disconnect();
  if (consoleDir) await rm(consoleDir, { recursive: true, force: true });
});

describe('throttling per login name', () => {
  it('locks a login after the allowed failures, from any address: 429 TOO_MANY_ATTEMPTS with Retry-After, even for the right password', async () => {
    // Arrange
    const target = await api({ maxFailuresPerLogin: 3, windowSeconds: 600, lockSeconds: 900 });
    const official = await newOfficial();

    // Act
    const failures = [];
    for (let i = 0; i < 3; i += 1) failures.push(await attempt(target, official.login, 'wrong', newAddress()));
    const fourth = await attempt(target, official.login, 'wrong', newAddress());
    const right = await attempt(target, official.login, TEST_PASSWORD, newAddress());

    // Assert
    expect(failures.map((f) => [f.status, f.code])).toEqual(Array(3).fill([401, 'INVALID_CREDENTIALS']));
    expect([fourth.status, fourth.code, right.status, right.code]).toEqual([429, 'TOO_MANY_ATTEMPTS', 429, 'TOO_MANY_ATTEMPTS']);
    // The lock (900 s) runs from the third failure, not to the end of the 600 s window.
    expect(Number(right.retryAfter)).toBeGreaterThan(800);
    expect(Number(right.retryAfter)).toBeLessThanOrEqual(900);
    expect(right.body.error?.details?.retryAfterSeconds).toBe(Number(right.retryAfter));
  });

  it('forgets the failures of a login when the right password comes', async () => {
    // Arrange
    const target = await api({ maxFailuresPerLogin: 3 });
    const official = await newOfficial();
    const address = newAddress();
    for (let i = 0; i < 2; i += 1) await attempt(target, official.login, 'wrong', address);

    // Act
    const success = await attempt(target, official.login, TEST_PASSWORD, address);
    const after = [];
    for (let i = 0; i < 3; i += 1) after.push((await attempt(target, official.login, 'wrong', address)).status);
    const then = await attempt(target, official.login, 'wrong', address);

    // Assert: without the reset, the second failure after the success would be the fourth and refused.
    expect(success.status).toBe(200);
    expect(after).toEqual([401, 401, 401]);
    expect(then.status).toBe(429);
  });
});

describe('throttling per client address', () => {
  it('refuses an address after its failures, whichever logins they tried, while other addresses log in', async () => {
    // Arrange
    const target = await api({ maxFailuresPerLogin: 100, maxFailuresPerAddress: 4, windowSeconds: 600 });
    const official = await newOfficial();
    const address = newAddress();

    // Act
    const failures = [];
    for (let i = 0; i < 4; i += 1) failures.push((await attempt(target, `nobody-${randomUUID()}`, 'wrong', address)).status);
    const refused = await attempt(target, official.login, TEST_PASSWORD, address);
    const elsewhere = await attempt(target, official.login, TEST_PASSWORD, newAddress());

    // Assert: the address waits for the end of its window.
    expect(failures).toEqual([401, 401, 401, 401]);
    expect([refused.status, refused.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(Number(refused.retryAfter)).toBeGreaterThan(500);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);
    expect(elsewhere.status).toBe(200);
  });
});

describe('shared by all API instances', () => {
  it('counts the failures sent to two APIs on one database together', async () => {
    // Arrange
    const [first, second] = [await api({ maxFailuresPerLogin: 3 }), await api({ maxFailuresPerLogin: 3 })];
    const official = await newOfficial();

    // Act
    const statuses = [];
    statuses.push((await attempt(first, official.login, 'wrong', newAddress())).status);
    statuses.push((await attempt(second, official.login, 'wrong', newAddress())).status);
    statuses.push((await attempt(first, official.login, 'wrong', newAddress())).status);
    const onSecond = await attempt(second, official.login, TEST_PASSWORD, newAddress());

    // Assert
    expect(statuses).toEqual([401, 401, 401]);
    expect([onSecond.status, onSecond.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
  });

  it('hashes only the allowed attempts of a concurrent burst on both APIs; the rest are refused before scrypt', async () => {
    // Arrange
    const [first, second] = [await api({ maxFailuresPerLogin: 3 }), await api({ maxFailuresPerLogin: 3 })];
    const official = await newOfficial();
    const address = newAddress();

    const hashedBefore = vi.mocked(scrypt).mock.calls.length;

    // Act
    const burst = await Promise.all(Array.from({ length: 24 }, (_, i) => attempt(i % 2 ? first : second, official.login, 'wrong', address)));

    // Assert
    expect(vi.mocked(scrypt).mock.calls.length - hashedBefore).toBe(3);
    expect(burst.filter((r) => r.status === 401)).toHaveLength(3);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(21);
    const audited = await db.loginFailure.groupBy({ by: ['reason'], where: { address }, _count: true });
    expect(Object.fromEntries(audited.map((a) => [a.reason, a._count]))).toEqual({ WRONG_PASSWORD: 3, THROTTLED: 21 });
  });
});

describe('when the database is down', () => {
  it('answers 503 DATABASE_UNAVAILABLE: the throttle cannot count, so nothing is hashed or let in', async () => {
    // Arrange
    const deadDb = createDb('postgresql://postgres@127.0.0.1:1/none', 1);
    const target = await startTestApi({ db: deadDb, temporal, taskQueue: 'unused' });
    apis.push(target);
    try {
      // Act
      const refused = await attempt(target, org.officials.member.login, TEST_PASSWORD, '127.0.0.1');

      // Assert
      expect([refused.status, refused.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
    } finally {
      await deadDb.$disconnect();
    }
  });
});

describe('timing', () => {
  it('answers an unknown or inactive login no faster than half the time of a known login with a wrong password', async () => {
    // Arrange: limits out of the way, attempts interleaved so that the machine's load hits all alike.
    const target = await api({ maxFailuresPerLogin: 1_000, maxFailuresPerAddress: 1_000 });
    const known = await newOfficial();
    const inactive = await newOfficial(false);
    const address = newAddress();
    const timings = { known: [] as number[], unknown: [] as number[], inactive: [] as number[] };
    const timed = async (login: string) => {
      const started = performance.now();
      const { status } = await attempt(target, login, 'wrong', address);
      expect(status).toBe(401);
      return performance.now() - started;
    };

    // Act
    for (let i = 0; i < 7; i += 1) {
      timings.known.push(await timed(known.login));
      timings.unknown.push(await timed(`nobody-${randomUUID()}`));
      timings.inactive.push(await timed(inactive.login));
    }

    // Assert: without the dummy hash an unknown login answered in about 5 ms and a known one in 115 ms.
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    expect(median(timings.unknown)).toBeGreaterThan(median(timings.known) / 2);
    expect(median(timings.inactive)).toBeGreaterThan(median(timings.known) / 2);
  });
});

describe('audit of refused logins', () => {
  it('records each refusal with a prefix of the login, the client address, the reason and the official when known', async () => {
    // Arrange
    const target = await api({ maxFailuresPerLogin: 1 });
    const known = await newOfficial();
    const inactive = await newOfficial(false);
    const address = newAddress();
    const unknownLogin = `ghost-${randomUUID()}`;

    // Act
    await attempt(target, unknownLogin, 'wrong', address);
    await attempt(target, inactive.login, TEST_PASSWORD, address);
    await attempt(target, known.login, 'wrong', address);
    await attempt(target, known.login, TEST_PASSWORD, address);

    // Assert
    const rows = await db.loginFailure.findMany({ where: { address }, orderBy: { at: 'asc' } });
    expect(rows.map((r) => [r.reason, r.loginPrefix, r.officialId])).toEqual([
      ['UNKNOWN_LOGIN', unknownLogin.slice(0, 6), null],
      ['INACTIVE', inactive.login.slice(0, 6), inactive.id],
      ['WRONG_PASSWORD', known.login.slice(0, 6), known.id],
      ['THROTTLED', known.login.slice(0, 6), null],
    ]);
    expect(rows.every((r) => r.at.getTime() > Date.now() - 60_000)).toBe(true);
  });
});

describe('security headers', () => {
  const expectSecurityHeaders = (headers: Headers) => {
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
  };

  it('sends them on /api answers, with Cache-Control: no-store, whatever the status', async () => {
    // Arrange
    const target = await api();
    const official = await newOfficial();

    // Act
    const loggedIn = await fetch(`${target.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: official.login, password: TEST_PASSWORD }) });
    const { token } = (await loggedIn.json()) as { token: string };
    const me = await fetch(`${target.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    const unauthenticated = await fetch(`${target.url}/api/me`);
    const missing = await fetch(`${target.url}/api/no-such-thing`, { headers: { authorization: `Bearer ${token}` } });

    // Assert
    for (const response of [loggedIn, me, unauthenticated, missing]) {
      expectSecurityHeaders(response.headers);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect([loggedIn.status, me.status, unauthenticated.status, missing.status]).toEqual([200, 200, 401, 404]);
  });

  it('sends them on the console and on /docs, whose page runs no inline script', async () => {
    // Arrange
    const target = await api({}, { consoleDir });

    // Act
    const page = await fetch(`${target.url}/inbox`);
    const docs = await fetch(`${target.url}/docs`);
    const docsHtml = await docs.text();
    const init = await fetch(`${target.url}/docs/init.js`);

    // Assert
    expect([page.status, docs.status, init.status]).toEqual([200, 200, 200]);
    for (const response of [page, docs, init]) expectSecurityHeaders(response.headers);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const scripts = [...docsHtml.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every(([, attributes, body]) => /\ssrc="\/docs\//.test(attributes!) && body === '')).toBe(true);
    expect(init.headers.get('content-type')).toMatch(/javascript/);
    expect(await init.text()).toContain("SwaggerUIBundle({ url: '/openapi.json'");
  });
});
