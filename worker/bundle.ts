/**
 * The workflow bundle, built by webpack once per version of the workflow code and kept in a cache
 * file that every later worker process (and every test file) loads instead of bundling again.
 * Bundling takes several seconds of CPU: a second worker joining under load on a small machine
 * used to starve the running one while it bundled (issue 12 point 5), and every workflow test file
 * bundled on its own.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type Logger } from '@temporalio/worker';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What goes into the bundle: the workflow and policy sources and the locked package versions. */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(entries.map((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : Promise.resolve(/\.(ts|js)$/.test(e.name) ? [path.join(dir, e.name)] : []))));
  return files.flat().sort();
}

export async function workflowCodeFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await sourceFiles(path.join(root, 'workflows'))), ...(await sourceFiles(path.join(root, 'policy'))), path.join(root, 'package-lock.json')];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(path.relative(root, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

export interface BundleSource {
  workflowsPath: string;
  preloadModules: string[];
  logger: Logger;
}

/**
 * The path of a bundle of the current workflow code, built now if no worker built it before.
 * Concurrent builders each write their own temporary file and rename it into place: the same
 * content, so whichever lands last is as good as the first.
 */
export async function cachedWorkflowBundle(source: BundleSource, cacheDir = process.env.WORKFLOW_BUNDLE_CACHE ?? path.join(tmpdir(), 'groupflow-workflow-bundles')): Promise<{ codePath: string }> {
  const codePath = path.join(cacheDir, `workflows-${await workflowCodeFingerprint()}.js`);
  if (existsSync(codePath)) return { codePath };
  const { code } = await bundleWorkflowCode(source);
  await mkdir(cacheDir, { recursive: true });
  const partial = `${codePath}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(partial, code);
  await rename(partial, codePath);
  return { codePath };
}
