/**
 * A case whose whole life is one approval: it runs the approval chain as a child workflow, then
 * closes the case with the chain's outcome and tells the initiator and those copied.
 */
import { executeChild, proxyLocalActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import { chainWorkflowId } from '../approval-chain/messages.js';
import { approvalChainWorkflow } from '../approval-chain/workflow.js';
import { searchAttributes } from '../constants.js';
import { sendNotifications } from '../notifications/send.js';
import type { CaseInput, CaseResult } from './messages.js';
import { dbLocalActivity } from '../activity-options.js';

const db = proxyLocalActivities<ReturnType<typeof createActivities>>(dbLocalActivity);

export async function caseWorkflow(input: CaseInput): Promise<CaseResult> {
  const chain = await executeChild(approvalChainWorkflow, { workflowId: chainWorkflowId(workflowInfo().workflowId), args: [input.chain] });
  const status = chain.status as CaseResult['status'];
  await db.closeCase({ caseId: input.caseId, status });
  upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: status }]);
  await sendNotifications({ kind: 'OUTCOME', caseId: input.caseId, dedupeKey: `OUTCOME:${input.caseId}` });
  return { caseId: input.caseId, status };
}
