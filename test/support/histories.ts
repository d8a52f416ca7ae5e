/**
 * Records the histories that test/workflow/replay.test.ts replays. With `RECORD_HISTORIES=1`, a
 * workflow test that ends a case writes its closed workflow's history to test/histories/<name>.json
 * and its workflow id to workflow-ids.json (workflows derive child and task ids from it); without
 * it nothing is written. Re-record after a change that is meant to break old histories, e.g.
 * `RECORD_HISTORIES=1 npx vitest run test/workflow/approval-chain.test.ts`.
 */
import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { WorkflowHandle } from '@temporalio/client';

const historiesDir = new URL('../histories/', import.meta.url);

/** `open`: a workflow that never closes (the outbox relay) is recorded as far as it has run. */
export async function recordHistory(handle: WorkflowHandle, name: string, { open = false }: { open?: boolean } = {}): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  // Recorded once closed, so it replays to the end; describe(), as result() on the Java test server can wait a minute's long poll.
  for (let i = 0; !open && (await handle.describe()).status.name === 'RUNNING'; i += 1) {
    if (i > 200) throw new Error(`${handle.workflowId} is still running: nothing to record`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await writeFile(new URL(`${name}.json`, historiesDir), `${historyToJSON(await handle.fetchHistory())}\n`);
  await withIdsLock(async () => {
    const idsFile = new URL('workflow-ids.json', historiesDir);
    const ids: Record<string, string> = JSON.parse(await readFile(idsFile, 'utf8'));
    ids[`${name}.json`] = handle.workflowId;
    await writeFile(idsFile, `${JSON.stringify(ids, null, 2)}\n`);
  });
}

/** Test files run in parallel processes; one at a time rewrites workflow-ids.json. */
async function withIdsLock(fn: () => Promise<void>): Promise<void> {
  const lock = new URL('.workflow-ids.lock', historiesDir);
  for (let i = 0; ; i += 1) {
    try {
      await mkdir(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || i > 200) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    await fn();
  } finally {
    await rmdir(lock);
  }
}
