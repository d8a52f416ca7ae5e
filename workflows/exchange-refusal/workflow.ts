/**
 * R-EXCH-REFUSAL: a teacher due for exchange refuses; the core school verifies, EDU confirms and HR
 * records it, and only then is the title-evaluation deduction written. A separate case rather than a
 * branch of a term: a refusing teacher has no term to branch from.
 */
import { upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import { runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { sendNotifications } from '../notifications/send.js';
import type { ExchangeRefusalInput, ExchangeRefusalResult } from './messages.js';
import { localDb as db } from '../activity-options.js';
import { loadCasePolicy } from '../policy.js';

export async function exchangeRefusalWorkflow(input: ExchangeRefusalInput): Promise<ExchangeRefusalResult> {
  // R-EXCH-REFUSAL's deduction as the policy stood when the refusal was declared.
  const policy = await loadCasePolicy();
  const facts = await db.refusalFacts({ teacherId: input.teacherId });
  upsertSearchAttributes([
    { key: searchAttributes.caseType, value: 'EXCHANGE_REFUSAL' },
    { key: searchAttributes.caseStatus, value: 'RUNNING' },
    { key: searchAttributes.groupCode, value: facts.groupCode },
    { key: searchAttributes.schoolCode, value: facts.schoolCode },
  ]);
  const { caseId } = await db.openCase({
    caseId: input.caseId ?? uuid4(),
    workflowId: workflowInfo().workflowId,
    type: 'EXCHANGE_REFUSAL',
    title: `${facts.teacherName} ${input.schoolYear}学年拒不交流认定 / exchange refusal ${input.schoolYear}`,
    subject: { teacherId: input.teacherId, schoolYear: input.schoolYear, reason: input.reason },
    groupId: facts.groupId,
    schoolId: facts.schoolId,
    teacherId: input.teacherId,
    initiatorId: input.initiatorId,
    policyVersion: policy.version,
  });
  const chain = await runChain({ caseId, chain: 'EXCHANGE_REFUSAL', name: 'refusal', context: { districtId: facts.districtId, groupId: facts.groupId, schoolId: facts.schoolId }, initiatorId: input.initiatorId });
  const status = chain.status === 'APPROVED' ? 'APPROVED' : chain.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED';
  const deductedPoints = status === 'APPROVED' ? policy.config.exchange.refusalDeductionPoints : 0;
  if (deductedPoints > 0) await db.recordRefusalDeduction({ caseId, teacherId: input.teacherId, schoolYear: input.schoolYear, points: deductedPoints });
  await db.setCaseStatus({ caseId, status });
  upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: status }]);
  await sendNotifications({ kind: 'OUTCOME', caseId, dedupeKey: `OUTCOME:${caseId}` });
  return { caseId, status, deductedPoints };
}
