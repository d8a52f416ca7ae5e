/**
 * What an official fills in when a step asks for more than a yes: a score, a self-assessment, a
 * list of nominees. Each form kind is a schema; the approval chain's validator checks the data
 * before anything is written, and the case workflow reads the approved data from the chain.
 * Pure and deterministic, so it runs inside workflows as well as in the API.
 */
import { z } from 'zod';
import { assessmentForms } from './assessment.js';
import { commendationForms } from './commendation.js';
import { policyConfig } from './config.js';
import { safeText } from './text.js';


function buildStepForms() {
  return {
    /** R-EVAL-UNIFIED: a teacher's yearly score in the group's one assessment system. */
    TEACHER_SCORE: z.object({ score: z.number().int().min(0).max(100), remarks: safeText(2000).optional() }),
    ...assessmentForms(),
    ...commendationForms(),
    /** R-EXCH-RETURN: the home school confirms the day the teacher is back. */
    EXCHANGE_RETURN: z.object({ returnedOn: safeText(10).regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'), remarks: safeText(2000).optional() }),
    /** R-EXCH-ELIGIBLE / R-EXCH-QUOTA: who goes where; a plan below a quota carries a written justification. */
    ROTATION_PLAN: z.object({
      entries: z.array(z.object({ teacherId: z.uuid(), toSchoolId: z.uuid() })).min(1).max(2000)
        .refine((entries) => new Set(entries.map((e) => e.teacherId)).size === entries.length, 'a teacher is listed twice'),
      justification: safeText(4000).optional(),
    }),
    /** R-EXCH-NEWMEMBER: the teachers a joining member school sends; the workflow checks the group's count. */
    NEW_MEMBER_TEACHERS: z.object({
      teacherIds: z.array(z.uuid()).min(1).max(200).refine((ids) => new Set(ids).size === ids.length, 'a teacher is listed twice'),
    }),
    /** R-GROUP-SIZE: why the group may have a 7th or 8th member, as the EDU lead approves it. */
    GROUP_SIZE_JUSTIFICATION: z.object({ justification: safeText(2000) }),
    /** R-CADRE-FLAGSHIP: where EDU deploys the cadre after the placement. */
    CADRE_DEPLOYMENT: z.object({ schoolId: z.uuid(), note: safeText(2000) }),
    /** R-FUND-NEWSCHOOL: FIN confirms the yearly amount per campus (in fen, at least the policy minimum) and the payment date. */
    SUBSIDY_PAYMENT: z.object({
      perCampusFen: z.number().int().min(policyConfig.funding.newSchoolMinPerCampusFen),
      // A plain pattern: zod's z.iso.date() rejected valid dates inside the workflow sandbox (seen in the subsidy tests).
      paymentDate: safeText(10).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date YYYY-MM-DD'),
      remarks: safeText(2000).optional(),
    }),
  } as const;
}

export type StepForms = ReturnType<typeof buildStepForms>;
export type FormKind = keyof StepForms;
export type FormData<K extends FormKind> = z.infer<StepForms[K]>;

let built: StepForms | undefined;

/**
 * The schemas, built on first use. Each workflow evaluates this module afresh, and most never check
 * a form (case and chain workflows between form steps, the outbox relay); building every schema at load was a
 * fifth of the case worker's workflow-thread CPU under load (CPU profile of bench/approvals.ts).
 */
export function stepForms(): StepForms {
  built ??= buildStepForms();
  return built;
}

export function isFormKind(value: string): value is FormKind {
  return value in stepForms();
}

/** Null when `data` fills the form; else a short English reason naming the first wrong field. */
export function checkForm(kind: FormKind, data: unknown): string | null {
  const result = stepForms()[kind].safeParse(data);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return issue ? `${issue.path.join('.') || 'form'}: ${issue.message}` : 'form is invalid';
}
