/**
 * What the API refuses at its edge (issue 12): text breaking the one text rule is a 400 naming the
 * field before anything reaches a workflow — a U+0000 comment once wedged a case for good — and a
 * body or upload the server cannot read is the client's 4xx, never a 500 logged with its stack.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { call } from '../support/api.js';
import { csvFile, editFixture, fixture, newTag } from '../support/org-data-files.js';
import { startOrgDataApi, type OrgDataApi } from '../support/org-data-api.js';
import { startStack, type Stack } from '../support/stack.js';

let s: Stack;
let orgData: OrgDataApi;
let uploadDir: string;
let consoleError: MockInstance;

beforeAll(async () => {
  s = await startStack();
  uploadDir = await mkdtemp(path.join(os.tmpdir(), 'edge-uploads-'));
  orgData = await startOrgDataApi({ uploadDir });
});

afterAll(async () => {
  await orgData?.close();
  await s?.close();
  if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
});

// The error handler logs only the server's own faults, with their stack; none of these is one.
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});

afterEach(() => {
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

/** A request as it leaves a client, bytes and headers as given. */
async function raw(method: string, pathAndQuery: string, init: { headers?: Record<string, string>; body?: string | Uint8Array; token?: string; base?: string } = {}) {
  const response = await fetch(`${init.base ?? s.api.url}${pathAndQuery}`, {
    method,
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    body: init.body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const refusal = (r: { status: number; body: any }) => [r.status, r.body?.error?.code, r.body?.error?.details?.map((d: { path: string }) => d.path)];

async function inboxTask(who: keyof Stack['tokens'], caseId: string): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const inbox = await call(s.api, 'GET', '/api/inbox', { token: s.tokens[who] });
    const task = inbox.body.items.find((t: { caseId: string }) => t.caseId === caseId);
    if (task) return task.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no task for ${who} on case ${caseId}`);
}

const decide = (who: keyof Stack['tokens'], taskId: string, body: Record<string, unknown>) =>
  call(s.api, 'POST', `/api/tasks/${taskId}/decision?wait=true`, { token: s.tokens[who], body: { requestId: randomUUID(), ...body } });

describe('the one text rule', () => {
  it('refuses a NUL, a control or bidi character and an invisible title when a case starts, naming the field', async () => {
    const start = (body: Record<string, unknown>) => call(s.api, 'POST', '/api/cases', { token: s.tokens.member, body: { type: 'GENERIC_APPROVAL', ...body } });

    const nul = await start({ title: '申请经费\u0000' });
    const escape = await start({ title: '申请经费', description: '说明\u001B[31m' });
    const bidi = await start({ title: '申请\u202E费经' });
    const invisible = await start({ title: '\u200B\u200D\uFEFF' });
    const blank = await start({ title: ' \u3000 ' });

    expect(refusal(nul)).toEqual([400, 'VALIDATION_FAILED', ['title']]);
    expect(nul.body.error.details[0].message).toContain('control characters');
    expect(refusal(escape)).toEqual([400, 'VALIDATION_FAILED', ['description']]);
    expect(refusal(bidi)).toEqual([400, 'VALIDATION_FAILED', ['title']]);
    expect(refusal(invisible)).toEqual([400, 'VALIDATION_FAILED', ['title']]);
    expect(invisible.body.error.details[0].message).toBe('must contain a visible character');
    expect(refusal(blank)).toEqual([400, 'VALIDATION_FAILED', ['title']]);
    expect(await s.db.case.count({ where: { initiatorId: s.org.officials.member.id } })).toBe(0);
  });

  it('refuses a NUL in a decision comment or form before it reaches the workflow, and the case is decided afterwards', async () => {
    // Arrange
    const created = await call(s.api, 'POST', '/api/cases', { token: s.tokens.member, body: { type: 'GENERIC_APPROVAL', title: '申请集团教研经费' } });
    expect(created.status).toBe(201);
    const coreTask = await inboxTask('core', created.body.id);

    // Act
    const inComment = await decide('core', coreTask, { action: 'RETURN', returnTo: 'INITIATOR', comment: '请补充\u0000材料' });
    const inForm = await decide('core', coreTask, { action: 'APPROVE', form: { nominees: [{ name: '张三' }, { name: '李\u0000四' }] } });
    const inFormKey = await decide('core', coreTask, { action: 'APPROVE', form: { ['note\u0000']: 'x' } });
    const approved = await decide('core', coreTask, { action: 'APPROVE', comment: '同意\t（附件见邮件）\r\n' });
    const eduTask = await inboxTask('edu', created.body.id);
    const closed = await decide('edu', eduTask, { action: 'APPROVE', comment: '同意' });

    // Assert: nothing of the refused decisions was recorded; the next ones went through.
    expect(refusal(inComment)).toEqual([400, 'VALIDATION_FAILED', ['comment']]);
    expect(refusal(inForm)).toEqual([400, 'VALIDATION_FAILED', ['form.nominees.1.name']]);
    expect(refusal(inFormKey)).toEqual([400, 'VALIDATION_FAILED', ['form.note\u0000']]);
    expect(approved.status).toBe(200);
    expect(closed.status).toBe(200);
    expect(closed.body.chain.status).toBe('APPROVED');
    await expect.poll(async () => (await call(s.api, 'GET', `/api/cases/${created.body.id}`, { token: s.tokens.member })).body.status).toBe('APPROVED');
    const detail = await call(s.api, 'GET', `/api/cases/${created.body.id}`, { token: s.tokens.member });
    expect(detail.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['CREATED', 'STEP_OPENED', 'APPROVED', 'STEP_OPENED', 'APPROVED', 'CLOSED']);
  });

  it('refuses a NUL in a login name and in a search query', async () => {
    const loginNul = await call(s.api, 'POST', '/api/auth/login', { body: { login: `${s.org.officials.member.login}\u0000`, password: 'x' } });
    const queryNul = await call(s.api, 'GET', '/api/teachers?q=%E7%8E%8B%00', { token: s.tokens.admin });
    const queryBidi = await call(s.api, 'GET', '/api/teachers?q=%E2%80%AE', { token: s.tokens.admin });

    expect(refusal(loginNul)).toEqual([400, 'VALIDATION_FAILED', ['login']]);
    expect(refusal(queryNul)).toEqual([400, 'VALIDATION_FAILED', ['q']]);
    expect(refusal(queryBidi)).toEqual([400, 'VALIDATION_FAILED', ['q']]);
  });

  it('reports imported cells that break it, by sheet, row and column', async () => {
    const teachers = editFixture(fixture('zh', 'teachers', newTag()), ([first, second, ...rest]) => [
      [first![0]!, '王\u0000芳', ...first!.slice(2)],
      [second![0]!, '李\u2066伟', ...second!.slice(2)],
      ...rest,
    ]);

    const { report } = await orgData.dryRun([csvFile('教师.csv', teachers)]);

    const textProblems = report.problems.filter((p: { code: string }) => ['CONTROL_CHARACTER', 'BIDI_CONTROL'].includes(p.code));
    expect(report.ok).toBe(false);
    expect(textProblems.map((p: any) => [p.code, p.sheet, p.row, p.column])).toEqual([
      ['CONTROL_CHARACTER', '教师.csv', 2, '姓名'],
      ['BIDI_CONTROL', '教师.csv', 3, '姓名'],
    ]);
  });
});

describe('bodies the server cannot read', () => {
  const json = { 'content-type': 'application/json' };
  const startBody = JSON.stringify({ type: 'GENERIC_APPROVAL', title: '压缩正文' });

  it('answers 413 to a JSON body over the limit', async () => {
    const body = JSON.stringify({ type: 'GENERIC_APPROVAL', title: '大正文', description: 'x'.repeat(1024 * 1024) });
    expect(refusal(await raw('POST', '/api/cases', { token: s.tokens.member, headers: json, body }))).toEqual([413, 'BODY_TOO_LARGE', undefined]);
  });

  it('answers 400 to a plain body that claims to be gzip or brotli, and takes one that is', async () => {
    const gzipClaim = await raw('POST', '/api/cases', { token: s.tokens.member, headers: { ...json, 'content-encoding': 'gzip' }, body: startBody });
    const brClaim = await raw('POST', '/api/cases', { token: s.tokens.member, headers: { ...json, 'content-encoding': 'br' }, body: startBody });
    const cutGzip = await raw('POST', '/api/cases', { token: s.tokens.member, headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(startBody).subarray(0, 20) });
    const realGzip = await raw('POST', '/api/cases', { token: s.tokens.member, headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(startBody) });

    expect(refusal(gzipClaim)).toEqual([400, 'BODY_UNREADABLE', undefined]);
    expect(refusal(brClaim)).toEqual([400, 'BODY_UNREADABLE', undefined]);
    expect(refusal(cutGzip)).toEqual([400, 'BODY_UNREADABLE', undefined]);
    expect(realGzip.status).toBe(201);
  });

  it('answers 415 to an unsupported content encoding or charset', async () => {
    const compress = await raw('POST', '/api/cases', { token: s.tokens.member, headers: { ...json, 'content-encoding': 'compress' }, body: startBody });
    const latin1 = await raw('POST', '/api/cases', { token: s.tokens.member, headers: { 'content-type': 'application/json; charset=latin1' }, body: startBody });

    expect(refusal(compress)).toEqual([415, 'UNSUPPORTED_CONTENT_ENCODING', undefined]);
    expect(refusal(latin1)).toEqual([415, 'UNSUPPORTED_CHARSET', undefined]);
  });

  it('answers 400 to malformed JSON and to a path it cannot decode', async () => {
    const malformed = await raw('POST', '/api/auth/login', { headers: json, body: '{"login": "edu", ' });
    const badPath = await raw('GET', '/api/cases/%E0%A4%A', { token: s.tokens.member });

    expect(refusal(malformed)).toEqual([400, 'MALFORMED_JSON', undefined]);
    expect(refusal(badPath)).toEqual([400, 'VALIDATION_FAILED', ['url']]);
  });
});

describe('uploads the server cannot read', () => {
  const upload = (headers: Record<string, string>, body: string) => raw('POST', '/api/org-data/imports', { base: orgData.api.url, token: orgData.tokens.admin, headers, body });
  /** Files waiting in the upload directory: multer's incoming files and stored uploads' records. */
  const filesLeft = async () => (await readdir(path.join(uploadDir, 'incoming'))).length + (await readdir(uploadDir)).filter((f) => f.endsWith('.json')).length;

  it('answers 400 to a multipart upload cut short, and keeps nothing of it', async () => {
    const boundary = 'edge-boundary';
    const before = await filesLeft();
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="teachers.csv"\r\nContent-Type: text/csv\r\n\r\n工号,姓名\r\nT1,张三\r\n`;

    const refused = await upload({ 'content-type': `multipart/form-data; boundary=${boundary}` }, cut);

    expect(refusal(refused)).toEqual([400, 'MALFORMED_UPLOAD', undefined]);
    expect(await filesLeft()).toBe(before);
  });

  it('answers 400 to a multipart body without a boundary or with a malformed part header', async () => {
    const before = await filesLeft();
    const noBoundary = await upload({ 'content-type': 'multipart/form-data' }, 'x');
    const badHeader = await upload({ 'content-type': 'multipart/form-data; boundary=b' }, `--b\r\n${'x'.repeat(100)}\r\n\r\ndata\r\n--b--\r\n`);

    expect(refusal(noBoundary)).toEqual([400, 'MALFORMED_UPLOAD', undefined]);
    expect(refusal(badHeader)).toEqual([400, 'MALFORMED_UPLOAD', undefined]);
    expect(await filesLeft()).toBe(before);
  });
});
