/** R-FUND-LECTURE: a member school's claim for an expert lecture fee: EDU then FIN approve, and the ledger records the fee. */
import { proxyLocalActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import { runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { sendNotifications } from '../notifications/send.js';
import type { LectureFeeInput, LectureFeeResult } from './messages.js';
import { dbLocalActivity } from '../activity-options.js';

const db = proxyLocalActivities<ReturnType<typeof createActivities>>(dbLocalActivity);

export async function lectureFeeWorkflow(input: LectureFeeInput): Promise<LectureFeeResult> {
  const { caseId } = input;
  const chain = await runChain({ caseId, chain: 'LECTURE_FEE', name: 'fee', context: { districtId: input.districtId, schoolId: input.schoolId, groupId: input.groupId }, initiatorId: input.initiatorId });
  const status = chain.status as LectureFeeResult['status'];
  if (status === 'APPROVED') {
    await db.bookLectureFee({ caseId, schoolId: input.schoolId, teacherId: input.teacherId, schoolYear: input.schoolYear, amountFen: input.amountFen });
  }
  await db.setCaseStatus({ caseId, status });
  upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: status }]);
  await sendNotifications({ kind: 'OUTCOME', caseId, dedupeKey: `OUTCOME:${caseId}` });
  return { caseId, status };
}
