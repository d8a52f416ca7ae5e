/** Builds the worker that runs every case workflow and its activities on the case task queue. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NativeConnection} from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import { cachedWorkflowBundle } from './bundle.js';
import { createActivities, type ActivityInput } from '../activities/index.js';
import { TASK_QUEUE } from '../workflows/constants.js';

/** The workflow entry module, as TypeScript source (tsx, tests) or compiled JavaScript (dist). */
export function workflowsPath(): string {
  const ts = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
  return existsSync(ts) ? ts : fileURLToPath(new URL('../workflows/index.js', import.meta.url));
}

/**
 * zod is evaluated once per workflow thread instead of at every workflow start: with the reused V8
 * context each new case and chain workflow otherwise evaluated it again, which was most of
 * the worker's CPU under load (CPU profiles of bench/approvals.ts). The warm-up module brings zod in
 * (a bare 'zod' entry is dropped by webpack, as zod declares no side effects) and makes zod's own
 * first writes before the SDK deep-freezes what was preloaded. The policy's schemas are still built
 * per workflow: zod completes a schema object on its first use, which a frozen one cannot be.
 */
export function sharedWorkflowModules(): string[] {
  // No extension: webpack finds the .ts source or the compiled .js.
  return [fileURLToPath(new URL('../workflows/shared/zod-warmup', import.meta.url))];
}

/** The bundle of the current workflow code: built once per code version, then loaded from its cache file (worker/bundle.ts). */
export function bundleWorkflows(): Promise<{ codePath: string }> {
  return cachedWorkflowBundle({ workflowsPath: workflowsPath(), preloadModules: sharedWorkflowModules(), logger: quietBundlerLogger });
}

const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

export interface CaseWorkerOptions extends ActivityInput {
  connection: NativeConnection;
  namespace: string;
  taskQueue?: string;
  workflowBundle?: { codePath: string };
  /** Unset: the SDK's default, sized from the heap. */
  maxCachedWorkflows?: number;
  /**
   * Worker Deployment Versioning (WORKER_DEPLOYMENT_NAME, WORKER_BUILD_ID): this worker takes only
   * tasks of its own version. Multi-year cases are PINNED to the version they started on, every
   * other workflow AUTO_UPGRADEs to the deployment's current version (README "Releasing").
   */
  deployment?: { name: string; buildId: string };
}

export async function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue = TASK_QUEUE, workflowBundle, maxCachedWorkflows, deployment, ...deps } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: workflowBundle ?? (await bundleWorkflows()),
    activities: createActivities(deps),
    ...(maxCachedWorkflows ? { maxCachedWorkflows } : {}),
    ...(deployment ? { workerDeploymentOptions: { version: { deploymentName: deployment.name, buildId: deployment.buildId }, useWorkerVersioning: true, defaultVersioningBehavior: 'AUTO_UPGRADE' as const } } : {}),
    // Give in-flight activities time to finish on SIGTERM; Temporal retries any that do not.
    shutdownGraceTime: '20 seconds',
    // Officials' decisions waited for the one workflow thread behind other cases' and mail's
    // activations (traced in bench/approvals.ts: 120-350 ms between a decision's workflow task
    // starting and completing, while the main thread's event loop was on time).
    workflowThreadPoolSize: 2,
  });
}
