/**
 * Drives N approvals through the HTTP API (auth, zod, database, Temporal update with validator,
 * activities) in each of its two modes — answered once the decision is durably accepted (the
 * default, 202) and once the chain has moved on (`?wait=true`) — and bare Temporal updates sent
 * straight from a client to a workflow that only counts, at the same rate, and prints throughput
 * and latency of each.
 *
 * Each API phase is interleaved with N bare updates (one between every two decisions), so both
 * are measured under the same load; a bare phase on its own (quiet) is printed too.
 * With DATABASE_URL the case worker and the bare worker run as processes of their own, as in
 * production (worker/main.ts); the embedded PGlite serves one process, so without it everything
 * shares this process. BENCH_N (default 200), BENCH_RATE (decisions per second, default 10);
 * BENCH_CPU_PROFILE_DIR writes V8 CPU profiles of the worker processes there (open in Chrome DevTools).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { policyConfig } from '../policy/config.js';
import { createDb } from '../prisma/client.js';
import { startDevTemporal } from '../scripts/dev-temporal.js';
import { startEmbeddedPostgres } from '../scripts/embedded-postgres.js';
import { runPrisma } from '../scripts/prisma.js';
import { call, login, startTestApi } from '../test/support/api.js';
import { createTestOrg } from '../test/support/org.js';
import { createCaseWorker } from '../worker/worker.js';
import { TASK_QUEUE } from '../workflows/constants.js';
import { bareUpdate, bareWorkflow } from './bare-workflow.js';

const N = Number(process.env.BENCH_N ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const BARE_QUEUE = `bench-bare-${randomUUID()}`;
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;

interface Timings {
  latencies: number[];
  wallMs: number;
}

/** Sends `items` requests open-loop at RATE per second, starting `offsetMs` into each period. */
async function openLoop(items: number, offsetMs: number, fn: (i: number) => Promise<void>): Promise<Timings> {
  const latencies: number[] = [];
  const started = performance.now();
  const requests: Promise<void>[] = [];
  for (let i = 0; i < items; i += 1) {
    const due = started + offsetMs + (i * 1000) / RATE;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    requests.push(
      (async () => {
        const t = performance.now();
        await fn(i);
        latencies.push(performance.now() - t);
      })(),
    );
  }
  await Promise.all(requests);
  return { latencies, wallMs: performance.now() - started - offsetMs };
}

function p(latencies: number[], pct: number): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((pct / 100) * sorted.length))] ?? NaN;
}

function report(label: string, { latencies, wallMs }: Timings): void {
  const ms = (pct: number) => p(latencies, pct).toFixed(1).padStart(7);
  console.log(`${label.padEnd(40)} ${(latencies.length / (wallMs / 1000)).toFixed(1).padStart(6)} /s   p50 ${ms(50)} ms   p95 ${ms(95)} ms   p99 ${ms(99)} ms   max ${ms(100)} ms`);
}

function spawnWorker(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [...(CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : []), '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`${script} exited with ${code ?? signal}`);
  });
  return child;
}

Runtime.install({ logger: new DefaultLogger('WARN') });
const temporalServer = await startDevTemporal();
const pg = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
const databaseUrl = process.env.DATABASE_URL ?? (pg as { url: string }).url;
await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
const db = createDb(databaseUrl, pg?.poolSize ?? 20);
const org = await createTestOrg(db);
const connection = await Connection.connect({ address: temporalServer.address });
const temporal = new Client({ connection });

// Workers: separate processes on PostgreSQL, in this process on the embedded PGlite.
const children: ChildProcess[] = [];
const inProcess: Worker[] = [];
if (process.env.DATABASE_URL) {
  children.push(spawnWorker('../worker/main.ts', { TEMPORAL_ADDRESS: temporalServer.address, DATABASE_URL: databaseUrl }));
  children.push(spawnWorker('./bare-worker.ts', { TEMPORAL_ADDRESS: temporalServer.address, BARE_TASK_QUEUE: BARE_QUEUE }));
} else {
  const nativeConnection = await NativeConnection.connect({ address: temporalServer.address });
  inProcess.push(await createCaseWorker({ connection: nativeConnection, namespace: 'default', db, config: policyConfig }));
  inProcess.push(await Worker.create({ connection: nativeConnection, taskQueue: BARE_QUEUE, workflowBundle: await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./bare-workflow.ts', import.meta.url)) }) }));
}
const workerRuns = inProcess.map((w) => w.run());
const api = await startTestApi({ db, temporal, taskQueue: TASK_QUEUE });

const member = await login(api, org.officials.member.login);
const core = await login(api, org.officials.core.login);
console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL); workers in their own processes' : 'embedded PGlite; workers in this process'}; ${N} decisions per mode at ${RATE}/s`);

const caseIds: string[] = [];
const WARM_UP = 10;
for (let i = 0; i < 2 * N + 2 * WARM_UP; i += 1) caseIds.push((await call(api, 'POST', '/api/cases', { token: member, body: { type: 'GENERIC_APPROVAL', title: `bench ${i}` } })).body.id as string);
const tasks = new Map<string, string>();
while (tasks.size < caseIds.length) {
  for (const t of await db.approvalTask.findMany({ where: { caseId: { in: caseIds }, stepIndex: 0 } })) tasks.set(t.caseId, t.id);
  await new Promise((r) => setTimeout(r, 200));
}
const bareHandles = await Promise.all(Array.from({ length: 3 * N }, () => temporal.workflow.start(bareWorkflow, { taskQueue: BARE_QUEUE, workflowId: `bare-${randomUUID()}` })));
// Measure a settled system: every case's new-task mail is out and the bare workflows have started.
for (let waited = 0; waited < 120_000; waited += 500) {
  const [queued, pending] = await Promise.all([db.notification.count({ where: { caseId: { in: caseIds } } }), db.notification.count({ where: { caseId: { in: caseIds }, state: 'PENDING' } })]);
  if (queued >= caseIds.length && pending === 0) break;
  await new Promise((r) => setTimeout(r, 500));
}
// Opening the cases leaves the case worker a backlog (the cases' own workflow tasks) after the
// mail is out; measuring during it would time the set-up. Wait until it is idle.
const caseWorkerPid = children[0]?.pid;
if (caseWorkerPid) {
  const cpuTicks = async () => (await readFile(`/proc/${caseWorkerPid}/stat`, 'utf8')).split(') ')[1]!.split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0);
  for (let waited = 0, before = await cpuTicks(); waited < 120_000; waited += 2000) {
    await new Promise((r) => setTimeout(r, 2000));
    const after = await cpuTicks();
    // Clock ticks are 1/100 s: under 20 ticks in 2 s is under 10 % of a core.
    if (after - before < 20) break;
    before = after;
  }
}
const bare = (offset: number) => (i: number) => bareHandles[offset + i]!.executeUpdate(bareUpdate, { args: ['approve'] }).then(() => undefined);
const decide = (offset: number, query: string, expected: number) => async (i: number) => {
  const answer = await call(api, 'POST', `/api/tasks/${tasks.get(caseIds[offset + i] ?? '')}/decision${query}`, { token: core, body: { requestId: randomUUID(), action: 'APPROVE' } });
  if (answer.status !== expected) throw new Error(`decision failed: ${answer.status} ${JSON.stringify(answer.body)}`);
};
const halfPeriod = 500 / RATE;

// Warm up every path so the first measured requests do not pay for connections, query plans and code loading.
await bareHandles[3 * N - 1]!.executeUpdate(bareUpdate, { args: ['warm-up'] });
for (let i = 0; i < WARM_UP; i += 1) {
  await decide(2 * N, '', 202)(i);
  await decide(2 * N + WARM_UP, '?wait=true', 200)(i);
}

const quietBare = await openLoop(N, 0, bare(0));
const [accepted, bareWithAccepted] = await Promise.all([openLoop(N, 0, decide(0, '', 202)), openLoop(N, halfPeriod, bare(N))]);
const [moved, bareWithMoved] = await Promise.all([openLoop(N, 0, decide(N, '?wait=true', 200)), openLoop(N - 1, halfPeriod, bare(2 * N))]);

report('bare Temporal update, quiet', quietBare);
report('API decision (accepted, 202)', accepted);
report('  bare update interleaved with it', bareWithAccepted);
report('API decision (wait=true, 200)', moved);
report('  bare update interleaved with it', bareWithMoved);
const ratio = (ours: Timings, theirs: Timings) => (p(ours.latencies, 99) / p(theirs.latencies, 99)).toFixed(2);
console.log(`p99 ratio, same load (interleaved): accepted ${ratio(accepted, bareWithAccepted)}x, wait=true ${ratio(moved, bareWithMoved)}x`);
console.log(`p99 ratio to the quiet bare phase:  accepted ${ratio(accepted, quietBare)}x, wait=true ${ratio(moved, quietBare)}x`);

// Accepted decisions are applied moments later; give the chains a bounded time to move on.
const count = () => Promise.all([db.caseEvent.count({ where: { caseId: { in: caseIds }, kind: 'APPROVED' } }), db.approvalTask.count({ where: { caseId: { in: caseIds }, stepIndex: 1, state: 'PENDING' } })]);
let [recorded, advanced] = await count();
for (let i = 0; i < 100 && advanced < caseIds.length; i += 1, await new Promise((r) => setTimeout(r, 100))) [recorded, advanced] = await count();
console.log(`decisions recorded: ${recorded}/${caseIds.length}; cases moved to the next step: ${advanced}/${caseIds.length}; lost: ${caseIds.length - Math.min(recorded, advanced)}`);
if (caseWorkerPid) {
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(await readFile(`/proc/${caseWorkerPid}/status`, 'utf8'))?.[1]);
  console.log(`case worker: peak RSS ${(peakKb / 1024).toFixed(0)} MB; workflow cache ${process.env.WORKER_MAX_CACHED_WORKFLOWS ?? "the SDK's default"}`);
}
for (const id of caseIds) await temporal.workflow.getHandle(`case-${id}`).terminate('bench done');

await api.close();
for (const w of inProcess) w.shutdown();
await Promise.all(workerRuns);
for (const child of children) child.kill('SIGTERM');
await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(undefined) : c.once('exit', r)))));
await connection.close();
await db.$disconnect();
await pg?.stop();
await temporalServer.stop();
