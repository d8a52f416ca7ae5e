/**
 * R-FUND-NEWSCHOOL, R-FUND-RESERVE: a new member school's three funded school years. Each year EDU
 * reviews and FIN confirms the amount per campus and the payment date; the ledger gets one row per
 * campus (paid to the core school) and one for the reserved operating subsidy; FIN is reminded
 * before the payment date. The period ends when the third school year ends.
 * Three yearly chains keep the history small, so the period runs in one execution.
 */
import { ApplicationFailure, setHandler, setWorkflowOptions, sleep, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import { schoolYearOf } from '../../policy/calendar.js';
import { isNewSchool, paymentDayStartsAt, paymentReminderAt, schoolYearStartsAt } from '../../policy/funding.js';
import { approvedForm, runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { sendNotifications } from '../notifications/send.js';
import { subsidyStateQuery, type NewSchoolSubsidyInput, type NewSchoolSubsidyResult, type NewSchoolSubsidyState } from './messages.js';
import { localDb as db, serverClock as clock } from '../activity-options.js';
import { loadCasePolicy } from '../policy.js';
import { pinnedWhenVersioned } from '../versioning.js';

/** Fen as yuan for people: 52000000 → "520000.00". */
const yuan = (amountFen: number) => (amountFen / 100).toFixed(2);

async function sleepUntil(at: Date): Promise<void> {
  const ms = at.getTime() - new Date(await clock.fundingServerTime()).getTime();
  if (ms > 0) await sleep(ms);
}

export async function newSchoolSubsidyWorkflow(input: NewSchoolSubsidyInput): Promise<NewSchoolSubsidyResult> {
  // The period's numbers (years, amounts, dates) as the policy stood when it started, for all three years.
  const policy = await loadCasePolicy();
  const config = policy.config;
  const { funding } = config;
  const state: NewSchoolSubsidyState = { caseId: null, schoolId: input.schoolId, status: 'STARTING', years: [] };
  setHandler(subsidyStateQuery, () => state);

  const startedAt = new Date(await clock.fundingServerTime());
  const school = await db.loadSubsidySchool({ schoolId: input.schoolId });
  if (!isNewSchool(new Date(school.foundedOn), startedAt, funding)) {
    throw ApplicationFailure.create({ type: 'NOT_NEW_SCHOOL', message: `school ${school.schoolCode} was founded ${funding.newSchoolYears} or more years ago`, nonRetryable: true });
  }
  const firstYear = input.firstSchoolYear ?? schoolYearOf(startedAt, config);
  state.years = Array.from({ length: funding.newSchoolYears }, (_, i) => ({ schoolYear: firstYear + i, status: 'WAITING' as const }));
  const lastYear = firstYear + funding.newSchoolYears - 1;
  const { caseId } = await db.openCase({
    caseId: input.caseId ?? uuid4(),
    workflowId: workflowInfo().workflowId,
    type: 'NEW_SCHOOL_SUBSIDY',
    title: `${school.schoolName} 新建学校经费保障 ${firstYear}–${lastYear + 1} / New-school subsidy ${firstYear}–${lastYear + 1}`,
    subject: { firstSchoolYear: firstYear, years: funding.newSchoolYears, campuses: school.campuses.length || 1, coreSchoolId: school.coreSchoolId },
    schoolId: school.schoolId,
    groupId: school.groupId,
    initiatorId: input.initiatorId ?? null,
    policyVersion: policy.version,
  });
  state.caseId = caseId;
  state.status = 'RUNNING';
  upsertSearchAttributes([
    { key: searchAttributes.caseType, value: 'NEW_SCHOOL_SUBSIDY' },
    { key: searchAttributes.caseStatus, value: 'RUNNING' },
    { key: searchAttributes.schoolCode, value: school.schoolCode },
    { key: searchAttributes.groupCode, value: school.groupCode },
  ]);

  for (const [index, year] of state.years.entries()) {
    if (index > 0) await sleepUntil(schoolYearStartsAt(year.schoolYear, config));
    year.status = 'APPROVING';
    const chain = await runChain({ caseId, chain: 'NEW_SCHOOL_SUBSIDY', name: `year-${year.schoolYear}`, context: { districtId: school.districtId, schoolId: school.schoolId, groupId: school.groupId }, initiatorId: input.initiatorId });
    const payment = chain.status === 'APPROVED' ? approvedForm(chain, 'funding-subsidy-fin', 'SUBSIDY_PAYMENT') : undefined;
    if (!payment) {
      year.status = 'NOT_APPROVED';
      // The first year refused means no period at all; a later one ends the period early.
      state.status = index === 0 ? (chain.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED') : 'ENDED_EARLY';
      break;
    }
    const entries = await db.bookSubsidyYear({ caseId, school, schoolYear: year.schoolYear, perCampusFen: payment.perCampusFen });
    Object.assign(year, { status: 'APPROVED', paymentDate: payment.paymentDate, perCampusFen: payment.perCampusFen, totalFen: entries.reduce((sum, e) => sum + e.amountFen, 0) });
    await db.recordMilestone({
      caseId,
      key: `year-${year.schoolYear}-approved`,
      comment: `${year.schoolYear}学年经费已批准，合计 ${yuan(year.totalFen ?? 0)} 元，拨付日期 ${payment.paymentDate} / Funds for ${year.schoolYear} approved: CNY ${yuan(year.totalFen ?? 0)}, paid on ${payment.paymentDate}`,
      form: { schoolYear: year.schoolYear, paymentDate: payment.paymentDate, entries: entries.map((e) => ({ kind: e.kind, campusId: e.campusId, amountFen: e.amountFen })) },
    });

    await sleepUntil(paymentReminderAt(payment.paymentDate, config));
    await sendNotifications({ kind: 'PAYMENT_DUE', caseId, dedupeKey: `PAYMENT_DUE:${caseId}:${year.schoolYear}`, dueAt: paymentDayStartsAt(payment.paymentDate, config).toISOString() });
    await db.recordMilestone({ caseId, key: `year-${year.schoolYear}-reminded`, comment: `已提醒区财政局于 ${payment.paymentDate} 拨付 / Finance Bureau reminded of the payment on ${payment.paymentDate}` });
    year.status = 'REMINDED';
  }

  if (state.status === 'RUNNING') {
    await sleepUntil(schoolYearStartsAt(lastYear + 1, config));
    state.status = 'COMPLETED';
  }
  const closed = state.status as 'COMPLETED' | 'ENDED_EARLY' | 'REJECTED' | 'WITHDRAWN';
  await db.setCaseStatus({ caseId, status: closed });
  upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: closed }]);
  await sendNotifications({ kind: 'OUTCOME', caseId, dedupeKey: `OUTCOME:${caseId}` });
  return { caseId, status: state.status, years: state.years };
}

// It lives three school years: it finishes on the build it started on (Worker Deployment Versioning), and a
// release that changes it needs no patch while old builds stay deployed (README "Releasing").
setWorkflowOptions(pinnedWhenVersioned, newSchoolSubsidyWorkflow);
