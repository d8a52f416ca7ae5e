/** The web console's production build (web/dist), rebuilt only when a source is newer than it. */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const consoleDir = path.join(root, 'web', 'dist');
// The console imports case types, chains and forms from policy/, so they count as its sources.
const sources = [path.join(root, 'web', 'src'), path.join(root, 'web', 'index.html'), path.join(root, 'web', 'vite.config.ts'), path.join(root, 'policy')];

function newest(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newest(path.join(file, name))));
}

export function consoleIsStale(): boolean {
  let built: number;
  try {
    built = statSync(path.join(consoleDir, 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  return sources.some((s) => newest(s) > built);
}

export async function ensureConsoleBuilt(): Promise<void> {
  // Browser test files and npm start's test run in parallel processes: one builds, the others wait and find the build fresh.
  await whileLocked(async () => {
    if (!consoleIsStale()) return;
    // Its own process with NODE_ENV=production: inside vitest (NODE_ENV=test) Vite would bundle React's development build.
    const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
    const child = spawn(process.execPath, [vite, 'build', '--config', path.join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve));
    if (code !== 0) throw new Error(`building the web console failed (vite exited with ${code})`);
  });
}

const lockDir = path.join(root, 'web', '.building');
// Far longer than a build takes on the slow build machine: a lock this old was left by a killed build.
const LOCK_WAIT_MS = 10 * 60_000;

async function whileLocked(run: () => Promise<void>): Promise<void> {
  const until = Date.now() + LOCK_WAIT_MS;
  // mkdir either creates the directory or fails because another process holds it: an atomic lock.
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (Date.now() > until) throw new Error(`${lockDir} has been there for ${LOCK_WAIT_MS / 60_000} minutes; remove it if no console build is running`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  try {
    await run();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
