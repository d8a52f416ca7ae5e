// Obtains the two real Temporal servers used by tests without the SDK's download from temporal.download,
// which is unreachable offline: the dev server (Temporal CLI) is built with `go install`, the time-skipping
// test server is resolved from Maven Central and run on the local JVM.
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';
import type { EphemeralServerExecutable, TimeSkippingServerConfig } from '@temporalio/testing';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEST_SERVER_VERSION = '1.38.0';

type Log = (msg: string) => void;
const defaultLog: Log = (msg) => console.error(`[temporal-servers] ${msg}`);

function cacheDir(...parts: string[]): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'groupflow', ...parts);
}

const canAccess = (path: string, mode?: number): Promise<boolean> => access(path, mode).then(() => true, () => false);
const isExecutable = (path: string): Promise<boolean> => canAccess(path, constants.X_OK);

async function which(cmd: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && (await isExecutable(join(dir, cmd)))) return resolve(dir, cmd);
  }
  return undefined;
}

async function fromEnv(name: string): Promise<string | undefined> {
  const path = process.env[name];
  if (!path) return undefined;
  if (!(await isExecutable(path))) throw new Error(`${name}=${path} is not an executable file`);
  return resolve(path);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// mkdir is atomic, so a lock dir keeps concurrent test runs from building into the same cache twice.
// The owner's pid lets a later run break the lock of one killed mid-build (e.g. Ctrl-C during go install).
async function withLock<T>(dir: string, log: Log, fn: () => Promise<T>): Promise<T> {
  const lock = `${dir}.lock`;
  await mkdir(dirname(dir), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      await mkdir(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
    if (owner && !isAlive(owner)) {
      log(`removing stale lock ${lock} of dead process ${owner}`);
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (attempt % 15 === 0) log(`waiting for ${lock} (held by another caller)`);
    await delay(1000);
  }
  try {
    await writeFile(join(lock, 'pid'), String(process.pid));
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv }, log: Log): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const input of [child.stdout, child.stderr]) {
      // Debian's Maven prints bare color resets even in batch mode; drop them rather than log empty lines.
      createInterface({ input }).on('line', (line) => {
        const text = stripVTControlCharacters(line);
        if (text.trim()) log(text);
      });
    }
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (code === 0) done();
      else fail(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit code ${code}`}); see its output above`));
    });
  });
}

/**
 * Absolute path to a `temporal` CLI (the dev server), or undefined when there is none and `go` is missing:
 * then leave `executable` unset so @temporalio/testing downloads it (needs internet).
 */
export async function ensureTemporalCli(log: Log = defaultLog): Promise<string | undefined> {
  const preset = (await fromEnv('TEMPORAL_CLI_PATH')) ?? (await which('temporal'));
  if (preset) return preset;
  const dir = cacheDir('temporal-cli', TEMPORAL_CLI_VERSION);
  const bin = join(dir, 'temporal');
  if (await isExecutable(bin)) return bin;
  const go = await which('go');
  if (!go) return undefined;
  return withLock(dir, log, async () => {
    if (await isExecutable(bin)) return bin;
    const started = Date.now();
    log(`building temporal CLI ${TEMPORAL_CLI_VERSION} into ${dir}; this takes several minutes`);
    const ticker = setInterval(() => log(`still building temporal CLI (${Math.round((Date.now() - started) / 1000)}s)`), 15_000);
    try {
      const pkg = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;
      await run(go, ['install', pkg], { env: { ...process.env, GOBIN: dir } }, log);
    } finally {
      clearInterval(ticker);
    }
    return bin;
  });
}

const pom = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>groupflow</groupId>
  <artifactId>temporal-test-server-classpath</artifactId>
  <version>0</version>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${TEST_SERVER_VERSION}</version>
    </dependency>
    <!-- The server logs nothing by default; binding nop only silences SLF4J's "no binding" warning on every start. -->
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-nop</artifactId>
      <version>1.7.36</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
    </plugins>
  </build>
</project>
`;

const shellQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

// The wrapper points into ~/.m2, so it is only reusable while every jar it names is still there.
async function classpathIntact(dir: string): Promise<boolean> {
  const classpath = await readFile(join(dir, 'classpath.txt'), 'utf8').catch(() => '');
  const jars = classpath.trim().split(delimiter).filter(Boolean);
  if (jars.length === 0) return false;
  for (const jar of jars) if (!(await canAccess(jar))) return false;
  return true;
}

/**
 * Absolute path to an executable that runs the Java time-skipping test server, or undefined when `java` or
 * `mvn` is missing: then leave `executable` unset so @temporalio/testing downloads it (needs internet).
 * The SDK runs it as `<path> <port> ...extraArgs`, which the wrapper passes straight to TestServer.main.
 */
export async function ensureTestServer(log: Log = defaultLog): Promise<string | undefined> {
  const preset = await fromEnv('TEMPORAL_TEST_SERVER_PATH');
  if (preset) return preset;
  const dir = cacheDir('temporal-test-server', TEST_SERVER_VERSION);
  const wrapper = join(dir, 'temporal-test-server');
  const cached = async () => (await isExecutable(wrapper)) && (await classpathIntact(dir));
  if (await cached()) return wrapper;
  const mvn = await which('mvn');
  if (!mvn || !(await which('java'))) return undefined;
  return withLock(dir, log, async () => {
    if (await cached()) return wrapper;
    log(`resolving io.temporal:temporal-test-server:${TEST_SERVER_VERSION} with Maven into ${dir}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'pom.xml'), pom);
    await run(mvn, ['-q', '-B', 'dependency:build-classpath', '-Dmdep.outputFile=classpath.txt'], { cwd: dir }, log);
    const classpath = (await readFile(join(dir, 'classpath.txt'), 'utf8')).trim();
    // exec keeps the JVM as the SDK's child, so the SDK's kill on shutdown stops the server itself.
    const script = `#!/usr/bin/env bash\nexec java -cp ${shellQuote(classpath)} io.temporal.testserver.TestServer "$@"\n`;
    // Written aside and renamed so a concurrent lock-free reader never sees a half-written wrapper.
    await writeFile(`${wrapper}.tmp`, script, { mode: 0o755 });
    await rename(`${wrapper}.tmp`, wrapper);
    return wrapper;
  });
}

/** The `server` option for `TestWorkflowEnvironment.createTimeSkipping`. */
export async function timeSkippingServerOptions(log?: Log): Promise<Omit<TimeSkippingServerConfig, 'type'>> {
  const path = await ensureTestServer(log);
  return path ? { executable: { type: 'existing-path', path } } : {};
}

/** The `server.executable` option for `TestWorkflowEnvironment.createLocal`; undefined means the SDK's download. */
export async function devServerExecutable(log?: Log): Promise<EphemeralServerExecutable | undefined> {
  const path = await ensureTemporalCli(log);
  return path ? { type: 'existing-path', path } : undefined;
}
