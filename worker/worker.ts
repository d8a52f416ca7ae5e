/** Builds the worker that runs every case workflow and its activities on the case task queue. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NativeConnection} from '@temporalio/worker';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { TASK_QUEUE } from '../workflows/constants.js';

/** The workflow entry module, as TypeScript source (tsx, tests) or compiled JavaScript (dist). */
export function workflowsPath(): string {
  const ts = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
  return existsSync(ts) ? ts : fileURLToPath(new URL('../workflows/index.js', import.meta.url));
}

export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: quietBundlerLogger });
}

const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

export interface CaseWorkerOptions extends ActivityDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue?: string;
  workflowBundle?: WorkflowBundleWithSourceMap;
}

export async function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue = TASK_QUEUE, workflowBundle, ...deps } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: workflowBundle ?? (await bundleWorkflows()),
    activities: createActivities(deps),
    // Give in-flight activities time to finish on SIGTERM; Temporal retries any that do not.
    shutdownGraceTime: '20 seconds',
    // One thread queued officials' decisions behind the activations of other cases and of mail:
    // traced slow decisions spent 150-350 ms between their workflow task starting and completing
    // while the main thread's event loop stayed under 55 ms late. Two threads cut the decision p99
    // of bench/approvals.ts from about 220 ms to about 165 ms on two cores.
    workflowThreadPoolSize: 2,
  });
}
