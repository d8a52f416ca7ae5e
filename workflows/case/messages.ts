/** A case decided by one approval chain (the generic case types of policy/approval-chains.ts). */
import type { ChainInput, ChainStatus } from '../approval-chain/messages.js';

export interface CaseInput {
  caseId: string;
  chain: ChainInput;
}

export interface CaseResult {
  caseId: string;
  status: Exclude<ChainStatus, 'RUNNING' | 'RETURNED'>;
}
