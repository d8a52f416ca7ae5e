/**
 * Opens one school year for a generated district — BENCH_TEACHERS teachers (default 10 000) in
 * BENCH_GROUPS tight groups (default 40) — by running the three yearly cycles a Schedule runs:
 * rotation plans (one per group, each computing who is due), group assessments (one per group)
 * and the district's commendation round (one nomination chain per school). Prints the wall time
 * until every case has opened its first tasks in the inbox, and the worker's peak memory.
 * With DATABASE_URL the worker runs in its own process (as worker/main.ts in production) and its
 * peak resident memory is read from /proc; on the embedded PGlite it shares this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { policyConfig } from '../policy/config.js';
import { createDb } from '../prisma/client.js';
import { startDevTemporal } from '../scripts/dev-temporal.js';
import { startEmbeddedPostgres } from '../scripts/embedded-postgres.js';
import { runPrisma } from '../scripts/prisma.js';
import { createTestOrg } from '../test/support/org.js';
import { createCaseWorker } from '../worker/worker.js';
import { TASK_QUEUE } from '../workflows/constants.js';
import { CYCLE_KINDS, cycleWorkflowId } from '../workflows/cycles/messages.js';
import { annualCycleWorkflow } from '../workflows/cycles/workflow.js';
import { generateDistrict } from './district.js';

const TEACHERS = Number(process.env.BENCH_TEACHERS ?? 10_000);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 40);
const SCHOOL_YEAR = 2027;
const MB = 1024 * 1024;

/** Peak resident memory of a process (VmHWM), in MB. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

Runtime.install({ logger: new DefaultLogger('WARN') });
const temporalServer = await startDevTemporal();
const pg = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
const databaseUrl = process.env.DATABASE_URL ?? (pg as { url: string }).url;
await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
const db = createDb(databaseUrl, pg?.poolSize ?? 10);
const org = await createTestOrg(db);
const seeded = performance.now();
const district = await generateDistrict(db, org.district, org.tag, { teachers: TEACHERS, groups: GROUPS, outsideSchools: 0 });
console.log(`generated ${GROUPS} groups, ${district.schools.length} schools, ${TEACHERS} teachers in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

let worker: ChildProcess | undefined;
let stopInProcess: (() => Promise<void>) | undefined;
if (process.env.DATABASE_URL) {
  worker = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../worker/main.ts', import.meta.url))], {
    env: { ...process.env, TEMPORAL_ADDRESS: temporalServer.address, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} else {
  const nativeConnection = await NativeConnection.connect({ address: temporalServer.address });
  const caseWorker = await createCaseWorker({ connection: nativeConnection, namespace: 'default', db, config: policyConfig });
  const run = caseWorker.run();
  stopInProcess = async () => {
    caseWorker.shutdown();
    await run;
    await nativeConnection.close();
  };
}

const connection = await Connection.connect({ address: temporalServer.address });
const temporal = new Client({ connection });
// Every tight group of the district: the generated ones and the test organisation's own.
const groups = GROUPS + 1;
const schoolsInGroups = district.schools.length + 2;
const expectedTasks = groups /* plan proposals */ + groups /* self-assessments */ + schoolsInGroups; /* nominations */

const began = performance.now();
const runs = await Promise.all(
  CYCLE_KINDS.map((kind) => temporal.workflow.execute(annualCycleWorkflow, { taskQueue: TASK_QUEUE, workflowId: `${cycleWorkflowId(kind, org.district.id)}-bench`, args: [{ kind, districtId: org.district.id, schoolYear: SCHOOL_YEAR }] })),
);
const startedMs = performance.now() - began;
const opened = runs.flatMap((r) => r.opened);
const pendingTasks = () => db.approvalTask.count({ where: { state: 'PENDING', case: { workflowId: { in: opened } } } });
let pending = 0;
while ((pending = await pendingTasks()) < expectedTasks && performance.now() - began < 600_000) await new Promise((r) => setTimeout(r, 250));
const openedMs = performance.now() - began;

const cases = await db.case.groupBy({ by: ['type'], where: { workflowId: { in: opened } }, _count: true });
console.log(`cycles run (${CYCLE_KINDS.join(', ')}): ${runs.map((r) => `${r.opened.length} opened`).join(', ')} in ${(startedMs / 1000).toFixed(1)} s`);
console.log(`cases: ${cases.map((c) => `${c._count} ${c.type}`).join(', ')}`);
console.log(`first tasks in the inbox: ${pending}/${expectedTasks} after ${(openedMs / 1000).toFixed(1)} s (wall time to open the school year)`);
console.log(
  worker?.pid
    ? `worker process peak RSS: ${(await peakRssMb(worker.pid)).toFixed(0)} MB`
    : `this process (API-less driver + worker) peak RSS: ${(await peakRssMb(process.pid)).toFixed(0)} MB; heap now ${(process.memoryUsage().heapUsed / MB).toFixed(0)} MB`,
);

if (worker) {
  worker.kill('SIGTERM');
  await new Promise((r) => worker?.once('exit', r));
}
await stopInProcess?.();
await connection.close();
await db.$disconnect();
await pg?.stop();
await temporalServer.stop();
