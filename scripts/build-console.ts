/** The web console's production build (web/dist), rebuilt only when a source is newer than it. */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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
  if (!consoleIsStale()) return;
  // Its own process with NODE_ENV=production: inside vitest (NODE_ENV=test) Vite would bundle React's development build.
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--config', path.join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve));
  if (code !== 0) throw new Error(`building the web console failed (vite exited with ${code})`);
}
