/**
 * The production shape, started by the fault harness itself so it can break each part: its own
 * PostgreSQL cluster, a Temporal dev server on a file database, a loopback SMTP server that keeps
 * what it receives, and `npm run worker` / `npm run api` as child processes of their own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createDb, type Db } from '../../prisma/client.js';
import { seedDemo } from '../../prisma/seed.js';
import { startDevTemporal, type DevTemporal } from '../dev-temporal.js';
import { TASK_QUEUE } from '../../workflows/constants.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StackPorts {
  postgres: number;
  temporal: number;
  api: number;
  smtp: number;
}

export const DEFAULT_PORTS: StackPorts = { postgres: 55490, temporal: 17290, api: 3290, smtp: 2590 };

export interface ReceivedMail {
  receivedAt: number;
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every `everyMs` until it answers true; false once `timeoutMs` has passed. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(everyMs)) {
    if (await check().catch(() => false)) return true;
  }
  return false;
}

function assertPortFree(port: number, purpose: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`Port ${port} (${purpose}) is in use; the fault harness needs it.`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function pgBin(): string {
  const candidates = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'pg_ctl')));
  if (!found) throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql/*/bin (Debian package postgresql).');
  return found;
}

/** PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user. */
function asPostgres(command: string, args: string[]): { status: number | null; output: string } {
  const asRoot = process.getuid?.() === 0;
  const result = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' }) : spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** A throwaway cluster the harness owns, so it can take it down and bring it back. */
export class PostgresCluster {
  readonly url: string;
  private readonly bin = pgBin();

  constructor(
    readonly port: number,
    readonly dataDir: string,
    readonly database = 'groupflow_faults',
  ) {
    this.url = `postgresql://postgres@127.0.0.1:${port}/${database}`;
  }

  private run(command: string, args: string[]): void {
    const { status, output } = asPostgres(path.join(this.bin, command), args);
    if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${status}): ${output}`);
  }

  async create(): Promise<void> {
    await assertPortFree(this.port, 'PostgreSQL');
    rmSync(this.dataDir, { recursive: true, force: true });
    mkdirSync(this.dataDir, { recursive: true });
    if (process.getuid?.() === 0) {
      const pgUser = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const pgGroup = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      chownSync(this.dataDir, Number(pgUser.stdout.trim()), Number(pgGroup.stdout.trim()));
    }
    this.run('initdb', ['-D', this.dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
    this.start();
    this.run('createdb', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', this.database]);
  }

  start(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-o', `-p ${this.port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200`, '-l', path.join(this.dataDir, 'server.log'), '-w', 'start']);
  }

  /** `immediate` is what a crash looks like to clients: connections cut, no checkpoint. */
  stop(mode: 'immediate' | 'fast'): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  remove(): void {
    if (asPostgres(path.join(this.bin, 'pg_ctl'), ['-D', this.dataDir, 'status']).status === 0) this.stop('fast');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The mail relay: a real SMTP server on a fixed loopback port, stopped and started again by the SMTP scenario. */
export class Smtp {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | undefined;
  readonly url: string;

  constructor(readonly port: number) {
    this.url = `smtp://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address ?? '')).join(',');
            this.received.push({ receivedAt: Date.now(), messageId: mail.messageId ?? '', to, subject: mail.subject ?? '', text: mail.text ?? '' });
            callback();
          },
          (err: Error) => callback(err),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Down means the port refuses connections, as a relay that is off does. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export type ProcessKind = 'worker' | 'api';

/** One `npm run worker` or `npm run api`, in a process group of its own so kill -9 reaches node itself, not only npm. */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  startedAt = 0;
  /** Exits the harness did not cause (a crash), with how the process ended. */
  readonly unexpectedExits: string[] = [];
  private expectingExit = false;

  constructor(
    readonly kind: ProcessKind,
    readonly name: string,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    const log = openSync(this.logFile, 'a');
    const child = spawn('npm', ['run', '--silent', this.kind], { cwd: REPO_ROOT, env: { ...process.env, ...this.env }, detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    this.expectingExit = false;
    this.startedAt = Date.now();
    child.once('exit', (code, signal) => {
      if (!this.expectingExit) this.unexpectedExits.push(`${this.name} exited (${signal ?? code}) at ${new Date().toISOString()}`);
    });
    this.child = child;
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  }

  private async exited(timeoutMs: number): Promise<boolean> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** kill -9 of the whole group: no shutdown hook runs, in-flight work is cut. */
  async kill9(): Promise<void> {
    this.expectingExit = true;
    this.signalGroup('SIGKILL');
    await this.exited(10_000);
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.expectingExit = true;
    this.signalGroup('SIGTERM');
    if (!(await this.exited(30_000))) {
      this.signalGroup('SIGKILL');
      await this.exited(10_000);
    }
  }
}

export interface StackOptions {
  ports: StackPorts;
  workDir: string;
  log: (line: string) => void;
}

export class Stack {
  readonly postgres: PostgresCluster;
  readonly smtp: Smtp;
  temporal: DevTemporal | undefined;
  readonly workers: ServiceProcess[] = [];
  api!: ServiceProcess;
  db!: Db;
  client!: Client;
  private connection: Connection | undefined;
  readonly apiUrl: string;
  private readonly temporalDb: string;
  private readonly logDir: string;

  constructor(readonly options: StackOptions) {
    this.postgres = new PostgresCluster(options.ports.postgres, path.join(options.workDir, 'pg'));
    this.smtp = new Smtp(options.ports.smtp);
    this.apiUrl = `http://127.0.0.1:${options.ports.api}`;
    this.temporalDb = path.join(options.workDir, 'temporal.sqlite');
    this.logDir = path.join(options.workDir, 'logs');
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.options.ports.temporal}`;
  }

  private serviceEnv(): Record<string, string> {
    return {
      TEMPORAL_ADDRESS: this.temporalAddress,
      DATABASE_URL: this.postgres.url,
      SMTP_URL: this.smtp.url,
      PORT: String(this.options.ports.api),
    };
  }

  newWorker(): ServiceProcess {
    const name = `worker-${this.workers.length + 1}`;
    // Workers of one host would share the default health port: the harness watches Temporal's pollers instead.
    const worker = new ServiceProcess('worker', name, { ...this.serviceEnv(), WORKER_HEALTH_PORT: '0' }, path.join(this.logDir, `${name}.log`));
    this.workers.push(worker);
    return worker;
  }

  async start(): Promise<void> {
    const { log, ports } = this.options;
    await assertPortFree(ports.api, 'API');
    await assertPortFree(ports.smtp, 'SMTP');
    rmSync(this.options.workDir, { recursive: true, force: true });
    mkdirSync(this.logDir, { recursive: true });
    log(`PostgreSQL: own cluster on :${ports.postgres} in ${this.postgres.dataDir}`);
    await this.postgres.create();
    const migrate = spawnSync('npm', ['run', '--silent', 'db:migrate'], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: this.postgres.url }, encoding: 'utf8' });
    if (migrate.status !== 0) throw new Error(`npm run db:migrate failed: ${migrate.stdout}${migrate.stderr}`);
    this.db = createDb(this.postgres.url, 5);
    await seedDemo(this.db);
    log(`Temporal dev server on :${ports.temporal}, history in ${this.temporalDb}`);
    await this.startTemporal();
    await this.smtp.start();
    log(`SMTP on :${ports.smtp}; worker and API (:${ports.api}) as child processes, logs in ${this.logDir}`);
    this.api = new ServiceProcess('api', 'api', this.serviceEnv(), path.join(this.logDir, 'api.log'));
    this.api.start();
    this.newWorker().start();
    if (!(await this.waitReady(180_000))) throw new Error(`The stack did not become ready within 180 s; see ${this.logDir}`);
  }

  async startTemporal(): Promise<void> {
    this.temporal = await startDevTemporal({ dbFilename: this.temporalDb, port: this.options.ports.temporal, logLevel: 'never' });
    // The harness's own client reads task-queue pollers and histories; a restart replaces it.
    await this.connection?.close().catch(() => undefined);
    this.connection = await Connection.connect({ address: this.temporalAddress });
    this.client = new Client({ connection: this.connection });
  }

  async stopTemporal(): Promise<void> {
    await this.temporal?.stop();
    this.temporal = undefined;
  }

  /** Whether a worker polls the case task queue now: a poller seen after `since` (a killed worker's entry lingers with its last time). */
  async workerPolling(since: number): Promise<boolean> {
    const answer = await this.client.withDeadline(Date.now() + 3000, () =>
      this.client.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: TASK_QUEUE }, taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW }),
    );
    return (answer.pollers ?? []).some((p) => {
      const at = p.lastAccessTime;
      return at?.seconds != null && Number(at.seconds) * 1000 + Math.floor((at.nanos ?? 0) / 1e6) >= since - 1000;
    });
  }

  async apiReady(): Promise<boolean> {
    const res = await fetch(`${this.apiUrl}/readyz`, { signal: AbortSignal.timeout(5000) });
    return res.status === 200;
  }

  /** Every part answering: API ready (database and Temporal reachable) and a worker polling since it started. */
  async waitReady(timeoutMs: number): Promise<boolean> {
    const since = Math.min(...this.workers.filter((w) => w.running).map((w) => w.startedAt));
    return waitUntil(async () => (await this.apiReady()) && (await this.workerPolling(Number.isFinite(since) ? since : Date.now())), timeoutMs, 500);
  }

  /** Brings back whatever a scenario left down or a crash took, so the next scenario starts healthy. */
  async heal(): Promise<string[]> {
    const notes: string[] = [];
    if (!this.temporal) {
      notes.push('Temporal restarted by the harness');
      await this.startTemporal();
    }
    if (!this.api.running) {
      notes.push('API restarted by the harness');
      this.api.start();
    }
    if (!this.workers.some((w) => w.running)) {
      notes.push('worker restarted by the harness');
      this.workers[0]?.start();
    }
    if (!(await this.waitReady(180_000))) notes.push('not ready 180 s after healing');
    return notes;
  }

  async stop(): Promise<void> {
    await this.api?.stop();
    for (const w of this.workers) await w.stop();
    await this.smtp.stop();
    await this.connection?.close().catch(() => undefined);
    await this.stopTemporal().catch(() => undefined);
    await this.db?.$disconnect().catch(() => undefined);
    this.postgres.remove();
  }
}
