/** The baseline for bench/approvals.ts: a workflow whose update does nothing but count. */
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const bareUpdate = defineUpdate<number, [string]>('bare');

export async function bareWorkflow(): Promise<number> {
  let received = 0;
  setHandler(bareUpdate, () => ++received);
  await condition(() => received > 0);
  return received;
}
