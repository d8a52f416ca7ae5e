/**
 * R-STAFF-ANNUAL: the group's fixed total shared by enrolment (largest remainder), approved by
 * STAFF, HR and EDU, then stored as each school's quota for the school year.
 */
import { proxyLocalActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import { allocateQuotas } from '../../policy/staffing.js';
import { runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { sendNotifications } from '../notifications/send.js';
import type { StaffingAdjustmentInput, StaffingAdjustmentResult } from './messages.js';
import { dbLocalActivity } from '../activity-options.js';

const db = proxyLocalActivities<ReturnType<typeof createActivities>>(dbLocalActivity);

export async function staffingAdjustmentWorkflow(input: StaffingAdjustmentInput): Promise<StaffingAdjustmentResult> {
  const { caseId } = input;
  const quotas = allocateQuotas(input.total, input.enrolments);
  const chain = await runChain({ caseId, chain: 'STAFFING_ADJUSTMENT', name: 'quotas', context: { districtId: input.districtId, groupId: input.groupId }, initiatorId: input.initiatorId });
  const status = chain.status as StaffingAdjustmentResult['status'];
  if (status === 'APPROVED') {
    await db.recordStaffingAllocations({ caseId, groupId: input.groupId, schoolYear: input.schoolYear, quotas });
  }
  await db.setCaseStatus({ caseId, status });
  upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: status }]);
  await sendNotifications({ kind: 'OUTCOME', caseId, dedupeKey: `OUTCOME:${caseId}` });
  return { caseId, status, quotas };
}
