/** Case routes write the case's row before they start its workflow, so it can be read at once. */
import type { Db } from '../../prisma/client.js';

/** Not started means not created: the case's rows go again, so no orphan case is listed; the caller learns why. */
export async function startOrForget(db: Db, caseId: string, start: () => Promise<unknown>): Promise<void> {
  try {
    await start();
  } catch (err) {
    await db.$transaction([db.caseCopy.deleteMany({ where: { caseId } }), db.caseEvent.deleteMany({ where: { caseId } }), db.case.delete({ where: { id: caseId } })]);
    throw err;
  }
}
