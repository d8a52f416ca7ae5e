/**
 * Drives N approvals through the HTTP API (auth, zod, database, Temporal update with validator,
 * activities) in each of its two modes — answered once the decision is durably accepted (the
 * default, 202) and once the chain has moved on (`?wait=true`) — and N bare Temporal updates sent
 * straight from a client, at the same concurrency, and prints throughput and latency of each. BENCH_N (default 200), BENCH_CONCURRENCY (default 8).
 * Uses DATABASE_URL when set, else the embedded PGlite; always its own Temporal dev server.
 */
import { randomUUID } from 'node:crypto';
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
import { bareUpdate, bareWorkflow } from './bare-workflow.js';

const N = Number(process.env.BENCH_N ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 10);

async function timed(items: number, fn: (i: number) => Promise<void>): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const requests: Promise<void>[] = [];
  for (let i = 0; i < items; i += 1) {
    const due = started + (i * 1000) / RATE;
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
  return { latencies, wallMs: performance.now() - started };
}

function report(label: string, { latencies, wallMs }: { latencies: number[]; wallMs: number }): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  console.log(`${label.padEnd(28)} ${(latencies.length / (wallMs / 1000)).toFixed(1).padStart(8)} /s   p50 ${pct(50).toFixed(1).padStart(7)} ms   p99 ${pct(99).toFixed(1).padStart(7)} ms`);
  return pct(99);
}

Runtime.install({ logger: new DefaultLogger('WARN') });
const temporalServer = await startDevTemporal();
const pg = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
const databaseUrl = process.env.DATABASE_URL ?? (pg as { url: string }).url;
await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
const db = createDb(databaseUrl, pg?.poolSize ?? 20);
const org = await createTestOrg(db);
const connection = await Connection.connect({ address: temporalServer.address });
const nativeConnection = await NativeConnection.connect({ address: temporalServer.address });
const temporal = new Client({ connection });
const taskQueue = `bench-${randomUUID()}`;
const caseWorker = await createCaseWorker({ connection: nativeConnection, namespace: 'default', taskQueue, db, config: policyConfig });
const bareWorker = await Worker.create({
  connection: nativeConnection,
  taskQueue: `${taskQueue}-bare`,
  workflowBundle: await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./bare-workflow.ts', import.meta.url)) }),
});
const api = await startTestApi({ db, temporal, taskQueue });

await caseWorker.runUntil(async () => {
  await bareWorker.runUntil(async () => {
    const member = await login(api, org.officials.member.login);
    const core = await login(api, org.officials.core.login);
    console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}; ${N} decisions at ${RATE}/s`);

    const caseIds: string[] = [];
    for (let i = 0; i < 2 * N; i += 1) caseIds.push((await call(api, 'POST', '/api/cases', { token: member, body: { type: 'GENERIC_APPROVAL', title: `bench ${i}` } })).body.id as string);
    const tasks = new Map<string, string>();
    while (tasks.size < 2 * N) {
      for (const t of await db.approvalTask.findMany({ where: { caseId: { in: caseIds }, stepIndex: 0 } })) tasks.set(t.caseId, t.id);
    }
    const bareHandles = await Promise.all(caseIds.slice(0, N).map(() => temporal.workflow.start(bareWorkflow, { taskQueue: `${taskQueue}-bare`, workflowId: `bare-${randomUUID()}` })));

    const decide = (caseId: string | undefined, query: string, expected: number) => async () => {
      const answer = await call(api, 'POST', `/api/tasks/${tasks.get(caseId ?? '')}/decision${query}`, { token: core, body: { requestId: randomUUID(), action: 'APPROVE' } });
      if (answer.status !== expected) throw new Error(`decision failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    };
    const accepted = await timed(N, (i) => decide(caseIds[i], '', 202)());
    const moved = await timed(N, (i) => decide(caseIds[N + i], '?wait=true', 200)());
    const bare = await timed(N, async (i) => {
      await bareHandles[i]?.executeUpdate(bareUpdate, { args: ['approve'] });
    });

    const acceptedP99 = report('API decision (accepted)', accepted);
    const movedP99 = report('API decision (wait=true)', moved);
    const bareP99 = report('bare Temporal update', bare);
    console.log(`p99 ratio to bare: accepted ${(acceptedP99 / bareP99).toFixed(2)}x, wait=true ${(movedP99 / bareP99).toFixed(2)}x`);
    // Accepted decisions are applied moments later; give the chains a bounded time to move on.
    const count = () => Promise.all([db.caseEvent.count({ where: { caseId: { in: caseIds }, kind: 'APPROVED' } }), db.approvalTask.count({ where: { caseId: { in: caseIds }, stepIndex: 1, state: 'PENDING' } })]);
    let [recorded, advanced] = await count();
    for (let i = 0; i < 100 && advanced < 2 * N; i += 1, await new Promise((r) => setTimeout(r, 100))) [recorded, advanced] = await count();
    console.log(`decisions recorded: ${recorded}/${2 * N}; cases moved to the next step: ${advanced}/${2 * N}; lost: ${2 * N - Math.min(recorded, advanced)}`);
    for (const id of caseIds) await temporal.workflow.getHandle(`case-${id}`).terminate('bench done');
});
});

await api.close();
await nativeConnection.close();
await connection.close();
await db.$disconnect();
await pg?.stop();
await temporalServer.stop();
