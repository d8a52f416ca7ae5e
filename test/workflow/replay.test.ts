/**
 * Recorded histories of every case type replayed against the current workflow code: a change that
 * would break cases already running fails here. The workflow tests record them
 * (`RECORD_HISTORIES=1`, test/support/histories.ts); a history of a running system can be added
 * with `temporal workflow show -w <workflowId> --output json > test/histories/<name>.json` and its
 * workflow id in workflow-ids.json (workflows derive child and task ids from it).
 */
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { bundleWorkflows } from '../../worker/worker.js';

const historiesDir = new URL('../histories/', import.meta.url);

describe('replay of recorded case histories', () => {
  it('replays every recorded history without a determinism error', async () => {
    const workflowIds: Record<string, string> = JSON.parse(await readFile(new URL('workflow-ids.json', historiesDir), 'utf8'));
    const files = (await readdir(historiesDir)).filter((f) => f.endsWith('.json') && f !== 'workflow-ids.json');
    const histories = await Promise.all(files.map(async (file) => ({ workflowId: workflowIds[file] ?? file, history: JSON.parse(await readFile(new URL(file, historiesDir), 'utf8')) })));

    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: await bundleWorkflows() }, histories)) results.push(result);

    expect(files.sort()).toEqual(Object.keys(workflowIds).sort());
    expect(results.map((r) => ({ workflowId: r.workflowId, error: r.error?.message }))).toEqual(histories.map(({ workflowId }) => ({ workflowId, error: undefined })));
  });
});
