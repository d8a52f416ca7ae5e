/**
 * The policy numbers a case runs on (issue 14 point 2): the version in force when the case
 * started, read once by a local activity so it is in the case's history and replays the same for
 * the case's whole life, whatever the bureau changes later. No workflow reads the mutable
 * configuration while replaying.
 */
import { patched } from '@temporalio/workflow';
import { policyConfig, type PolicyConfig } from '../policy/config.js';
import { localDb } from './activity-options.js';

/**
 * Cases started before policy versions have no read in their history: they ran, and keep running,
 * on version 1, which is code that never changes. Remove the branch (deprecatePatch, then delete)
 * once no such case is open: README "Changing a running workflow".
 */
export const POLICY_VERSIONS_PATCH = 'policy-versions';

export async function loadCasePolicy(): Promise<{ version: number; config: PolicyConfig }> {
  if (!patched(POLICY_VERSIONS_PATCH)) return { version: 1, config: policyConfig };
  return localDb.effectivePolicy({ at: new Date().toISOString() });
}
