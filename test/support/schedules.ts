/** Polling and clean-up for tests of the yearly cycles on the dev server. */
import type { Client } from '@temporalio/client';
import type { Db } from '../../prisma/client.js';
import { CYCLE_KINDS, cycleScheduleId } from '../../workflows/cycles/messages.js';

export async function eventually<T>(read: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await read();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The dev server outlives the test file: remove its schedules and stop the cases they opened. */
export async function removeCycles(temporal: Client, db: Db, districtId: string): Promise<void> {
  for (const kind of CYCLE_KINDS) await temporal.schedule.getHandle(cycleScheduleId(kind, districtId)).delete().catch(() => undefined);
  const cases = await db.case.findMany({ where: { type: { in: ['GROUP_ASSESSMENT', 'COMMENDATION_ROUND'] }, OR: [{ group: { districtId } }, { tasks: { some: { unit: { districtId } } } }, { workflowId: { contains: districtId } }] } });
  for (const c of cases) await temporal.workflow.getHandle(c.workflowId).terminate('test done').catch(() => undefined);
}
