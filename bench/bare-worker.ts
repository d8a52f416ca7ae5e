/** The bare baseline's worker, in a process of its own like the case worker: TEMPORAL_ADDRESS, BARE_TASK_QUEUE. */
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });
const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
const worker = await Worker.create({
  connection,
  taskQueue: process.env.BARE_TASK_QUEUE ?? 'bench-bare',
  workflowBundle: await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./bare-workflow.ts', import.meta.url)) }),
});
await worker.run();
await connection.close();
