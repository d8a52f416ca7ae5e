/**
 * `npm start` as a newcomer runs it: the embedded default (no DATABASE_URL, no TEMPORAL_ADDRESS),
 * the demo logins it prints, the two-step approval through the API, a clean stop on Ctrl-C, and
 * the data found again by the next start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CASE_TYPES } from '../../policy/case-types.js';
import { DEMO_PASSWORD } from '../../prisma/seed.js';
import { freePort } from '../../scripts/embedded-postgres.js';

const projectRoot = path.resolve(import.meta.dirname, '../..');
let dataDir = '';
let child: ChildProcess | undefined;

afterAll(async () => {
  child?.kill('SIGKILL');
  // A killed PGlite may still be flushing files for a moment.
  if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

async function npmStart(env: NodeJS.ProcessEnv): Promise<{ process: ChildProcess; output: () => string }> {
  // The embedded default: whatever servers the test run itself uses are not passed on.
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.TEMPORAL_ADDRESS;
  const started = spawn(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], { cwd: projectRoot, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; !output.includes('Ctrl-C stops everything'); waited += 200) {
    if (started.exitCode !== null || waited > 150_000) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { process: started, output: () => output };
}

function stopped(p: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (p.exitCode !== null ? resolve(p.exitCode) : p.once('exit', (code) => resolve(code))));
}

describe('npm start (embedded default)', () => {
  it('serves the demo, runs the two-step approval, stops on Ctrl-C and keeps the data', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'groupflow-start-'));
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), TEMPORAL_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()) };
    const api = `http://localhost:${env.PORT}`;
    const post = async (url: string, token: string | undefined, body: unknown): Promise<any> =>
      (await fetch(`${api}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })).json();
    const get = async (url: string, token: string): Promise<any> => (await fetch(`${api}${url}`, { headers: { authorization: `Bearer ${token}` } })).json();
    const login = async (name: string) => (await post('/api/auth/login', undefined, { login: name, password: DEMO_PASSWORD })).token as string;

    const first = await npmStart(env);
    child = first.process;
    expect(first.output()).toContain(`API:             ${api}`);
    expect(first.output()).toContain(`Console / 控制台: ${api}/`);
    // The console is served by the same process, with its pages falling back to the one index.html.
    const page = await fetch(`${api}/inbox`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<div id="root"></div>');
    expect(first.output()).toMatch(/g01-s1\s+燕山路小学/);
    const [member, core, edu] = [await login('g01-s1'), await login('g01-s0'), await login('edu')];
    // A newcomer finds a running case of every type (issue 4), each waiting on someone.
    const admin = await login('admin');
    const runningTypes = async () => new Set(((await get('/api/cases?limit=200&status=RUNNING', admin)).items as { type: string }[]).map((c) => c.type));
    // Cases a schedule or a workflow opens get their row a moment after npm start is up.
    await expect.poll(runningTypes, { timeout: 30_000 }).toEqual(new Set(CASE_TYPES));
    const created = await post('/api/cases', member, { type: 'GENERIC_APPROVAL', title: '端到端演示' });
    let task: { id: string } | undefined;
    for (; !task; await new Promise((r) => setTimeout(r, 100))) task = (await get('/api/inbox', core)).items.find((t: { caseId: string }) => t.caseId === created.id);
    const accepted = await post(`/api/tasks/${task.id}/decision`, core, { requestId: randomUUID(), action: 'APPROVE' });
    expect(accepted.accepted).toBe(true);
    let eduTask: { id: string } | undefined;
    for (; !eduTask; await new Promise((r) => setTimeout(r, 100))) eduTask = (await get('/api/inbox', edu)).items.find((t: { caseId: string }) => t.caseId === created.id);
    const decided = await post(`/api/tasks/${eduTask.id}/decision?wait=true`, edu, { requestId: randomUUID(), action: 'APPROVE' });
    expect(decided.chain.status).toBe('APPROVED');
    await expect.poll(async () => (await get(`/api/cases/${created.id}`, member)).status).toBe('APPROVED');

    child.kill('SIGINT');
    expect(await stopped(child)).toBe(0);

    const second = await npmStart(env);
    child = second.process;
    const again = await get(`/api/cases/${created.id}`, await login('g01-s1'));
    expect(again.status).toBe('APPROVED');
    child.kill('SIGINT');
    expect(await stopped(child)).toBe(0);
    // Two whole starts of the product (bundle, migrations, demo data and demo cases) on a busy CI machine.
  }, 240_000);
});
