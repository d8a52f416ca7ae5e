/** The exchange term's contract with the API, the rotation plan and tests. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../approval-chain/messages.js';

export interface ExchangeTermInput {
  teacherId: string;
  toSchoolId: string;
  /** The school year (its starting calendar year) the term starts in. */
  startSchoolYear: number;
  /** Given when the API created the case row first; else the workflow opens it. */
  caseId?: string;
  /** The official who nominated the teacher; absent when an approved rotation plan started the term. */
  initiatorId?: string;
  /** The rotation plan case that planned this term. */
  planCaseId?: string;
}

export type TermPhase = 'NOMINATION' | 'APPROVED' | 'ACTIVE' | 'RETURNING' | 'COMPLETED' | 'ENDED_EARLY' | 'REJECTED' | 'WITHDRAWN';

export type EarlyEndReason = 'ILLNESS' | 'TRANSFER' | 'OTHER';

export interface TermState {
  caseId: string | null;
  phase: TermPhase;
  teacherId: string;
  fromSchoolId: string | null;
  toSchoolId: string;
  schoolYears: number[];
  scores: { schoolYear: number; score: number | null }[];
  dueDates: { startsAt: string; assessments: { schoolYear: number; opensAt: string }[]; reminderAt: string; endsAt: string };
  supportCredit: boolean;
  coreToMember: boolean;
  earlyEnd: { reason: EarlyEndReason; comment: string; status: 'PENDING' | 'APPROVED' | 'REJECTED' } | null;
}

export interface EarlyEndInput {
  /** Client request id; also the Temporal update id, so a repeated request is applied once. */
  requestId: string;
  reason: EarlyEndReason;
  comment: string;
  actor: Actor;
}

export interface ExchangeTermResult {
  caseId: string;
  phase: TermPhase;
}

export const termStateQuery = defineQuery<TermState>('termState');
/** Asks EDU to end the term early (illness, transfer); answers at once, the approval runs in the term. */
export const requestEarlyEndUpdate = defineUpdate<TermState, [EarlyEndInput]>('requestEarlyEnd');

export const EarlyEndRefusal = { notRunning: 'TERM_NOT_RUNNING', alreadyRequested: 'EARLY_END_PENDING' } as const;

/** One term per teacher and school year, whoever starts it (R-EXCH-ELIGIBLE plans re-run safely). */
export function exchangeTermWorkflowId(teacherId: string, startSchoolYear: number): string {
  return `exchange-${teacherId}-${startSchoolYear}`;
}

/** The case title officials read, zh-CN first; the same whether the API or the workflow opens the case. */
export function exchangeTermTitle(t: { teacherName: string; staffNo: string; toName: string; toCode: string; startSchoolYear: number }): string {
  return `${t.teacherName}（${t.staffNo}）${t.startSchoolYear}学年起交流至${t.toName} / exchange to ${t.toCode} from ${t.startSchoolYear}`;
}

/** What the case row keeps about the term. */
export function exchangeTermSubject(input: ExchangeTermInput & { fromSchoolId: string; termSchoolYears: number }) {
  return { teacherId: input.teacherId, fromSchoolId: input.fromSchoolId, toSchoolId: input.toSchoolId, startSchoolYear: input.startSchoolYear, termSchoolYears: input.termSchoolYears, ...(input.planCaseId ? { planCaseId: input.planCaseId } : {}) };
}
