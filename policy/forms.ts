/**
 * What an official fills in when a step asks for more than a yes: a score, a self-assessment, a
 * list of nominees. Each form kind is a schema; the approval chain's validator checks the data
 * before anything is written, and the case workflow reads the approved data from the chain.
 * Pure and deterministic, so it runs inside workflows as well as in the API.
 */
import { z } from 'zod';
import { policyConfig } from './config.js';

const text = (max: number) => z.string().trim().min(1).max(max);
// A plain pattern: zod's z.iso.date() rejected valid dates inside the workflow sandbox (seen in the subsidy tests).
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date YYYY-MM-DD');

export const stepForms = {
  /** R-EVAL-UNIFIED: a teacher's yearly score in the group's one assessment system. */
  TEACHER_SCORE: z.object({ score: z.number().int().min(0).max(100), remarks: text(2000).optional() }),
  /** R-FUND-NEWSCHOOL: FIN confirms the yearly amount per campus (in fen, at least the policy minimum) and the payment date. */
  SUBSIDY_PAYMENT: z.object({ perCampusFen: z.number().int().min(policyConfig.funding.newSchoolMinPerCampusFen), paymentDate: isoDate, remarks: text(2000).optional() }),
} as const;

export type FormKind = keyof typeof stepForms;
export type FormData<K extends FormKind> = z.infer<(typeof stepForms)[K]>;

export function isFormKind(value: string): value is FormKind {
  return value in stepForms;
}

/** Null when `data` fills the form; else a short English reason naming the first wrong field. */
export function checkForm(kind: FormKind, data: unknown): string | null {
  const result = stepForms[kind].safeParse(data);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return issue ? `${issue.path.join('.') || 'form'}: ${issue.message}` : 'form is invalid';
}
