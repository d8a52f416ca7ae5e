/** The policy version in force, read once by a case when it starts (issue 14 point 2). */
import { effectivePolicy, type PolicySnapshot } from '../prisma/policy.js';
import type { ActivityDeps } from './deps.js';

export function policyActivities({ db }: ActivityDeps) {
  return {
    async effectivePolicy(input: { at: string }): Promise<PolicySnapshot> {
      return effectivePolicy(db, new Date(input.at));
    },
  };
}
