/**
 * Runs the Prisma CLI. Prisma downloads a native schema engine on first use; on machines that
 * cannot reach its binary host, a sibling `../shared/tools/prisma-offline` stand-in is used when
 * present and PRISMA_SCHEMA_ENGINE_BINARY is unset. Elsewhere Prisma behaves as usual.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function prismaEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  const standIn = path.resolve(projectRoot, '..', 'shared', 'tools', 'prisma-offline', 'schema-engine');
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync(standIn)) env.PRISMA_SCHEMA_ENGINE_BINARY = standIn;
  env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
  return env;
}

export function runPrisma(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<void> {
  const cli = path.join(projectRoot, 'node_modules', 'prisma', 'build', 'index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: projectRoot, env: prismaEnv(extraEnv), stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prisma ${args.join(' ')} exited with ${code}`))));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runPrisma(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
