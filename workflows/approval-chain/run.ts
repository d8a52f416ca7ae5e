/**
 * How a long-running case asks for an approval: route one chain of the definition table for the
 * case, run it as a child workflow named after the case and the chain, and hand back its outcome
 * and the forms approved on the way.
 */
import { executeChild, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import type { RoutingContext } from '../../activities/routing.js';
import type { ChainKey } from '../../policy/approval-chains.js';
import type { FormData, FormKind } from '../../policy/forms.js';
import { chainWorkflowId, type ChainSnapshot } from './messages.js';
import { approvalChainWorkflow } from './workflow.js';
import { dbLocalActivity } from '../activity-options.js';

const routing = proxyLocalActivities<ReturnType<typeof createActivities>>(dbLocalActivity);

export interface RunChainOptions {
  caseId: string;
  chain: ChainKey;
  /** Unique within the case: names the child workflow (`<case workflow id>:chain:<name>`). */
  name: string;
  context: RoutingContext;
  initiatorId?: string;
}

export async function runChain(options: RunChainOptions): Promise<ChainSnapshot> {
  const steps = await routing.resolveChain({ chain: options.chain, context: options.context });
  return executeChild(approvalChainWorkflow, {
    workflowId: chainWorkflowId(workflowInfo().workflowId, options.name),
    args: [{ caseId: options.caseId, initiatorId: options.initiatorId, steps }],
  });
}

/** The data of the last approval of `stepKey` that carried a form of `kind`. */
export function approvedForm<K extends FormKind>(snapshot: ChainSnapshot, stepKey: string, _kind: K): FormData<K> | undefined {
  const found = [...(snapshot.forms ?? [])].reverse().find((f) => f.stepKey === stepKey);
  return found?.data as FormData<K> | undefined;
}
