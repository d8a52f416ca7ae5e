/**
 * One teacher's exchange term (交流轮岗), from nomination to return: the nomination chain (HR only
 * when title points move), the wait for the school year's start, a score step per school year at the
 * destination (R-EVAL-UNIFIED), a reminder to every party before the end, the return confirmed by the
 * home school (R-EXCH-RETURN), and the teacher's records (R-EXCH-SUPPORT, R-EXCH-SPECIALPOST, the
 * core→member bonus of R-EXCH-REFUSAL). EDU may end the term early on request.
 * A three-year term makes a few hundred history events, so it runs in one execution (no continueAsNew).
 * It runs on the policy version in force when it started (workflows/policy.ts), whatever changes later.
 */
import { CancellationScope, condition, isCancellation, setHandler, setWorkflowOptions, sleep, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import { assessmentOpensAt, earnsSupportCredit, exchangeChainConditions, isCoreToMember, schoolYearStartsAt, termEndReminderAt, termEndsAt, termSchoolYears } from '../../policy/exchange.js';
import { approvedForm, runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { sendNotifications } from '../notifications/send.js';
import { refuse } from '../refuse.js';
import { EarlyEndRefusal, exchangeTermSubject, exchangeTermTitle, requestEarlyEndUpdate, termStateQuery, type ExchangeTermInput, type ExchangeTermResult, type TermPhase, type TermState } from './messages.js';
import { localDb as db, serverClock as clock } from '../activity-options.js';
import { loadCasePolicy } from '../policy.js';
import { pinnedWhenVersioned } from '../versioning.js';

/** Sleeps until an instant of the policy calendar, measured against the server's clock. */
async function waitUntil(at: string): Promise<void> {
  const ms = Date.parse(at) - Date.parse(await clock.exchangeNow());
  if (ms > 0) await sleep(ms);
}

export async function exchangeTermWorkflow(input: ExchangeTermInput): Promise<ExchangeTermResult> {
  const start = input.startSchoolYear;
  // The term's numbers (its length R-EXCH-RETURN, lead times, points) for its whole life.
  const policy = await loadCasePolicy();
  const config = policy.config;
  const years = termSchoolYears(start, config);
  const state: TermState = {
    caseId: input.caseId ?? null,
    phase: 'NOMINATION',
    teacherId: input.teacherId,
    fromSchoolId: null,
    toSchoolId: input.toSchoolId,
    schoolYears: years,
    scores: years.map((schoolYear) => ({ schoolYear, score: null })),
    dueDates: {
      startsAt: schoolYearStartsAt(start, config).toISOString(),
      assessments: years.map((schoolYear) => ({ schoolYear, opensAt: assessmentOpensAt(schoolYear, config).toISOString() })),
      reminderAt: termEndReminderAt(start, config).toISOString(),
      endsAt: termEndsAt(start, config).toISOString(),
    },
    supportCredit: false,
    coreToMember: false,
    earlyEnd: null,
  };
  let earlyEndRequester: string | undefined;
  setHandler(termStateQuery, () => state);
  setHandler(
    requestEarlyEndUpdate,
    (request) => {
      state.earlyEnd = { reason: request.reason, comment: request.comment, status: 'PENDING' };
      earlyEndRequester = request.actor.officialId;
      return state;
    },
    {
      validator: (_request) => {
        if (state.phase !== 'APPROVED' && state.phase !== 'ACTIVE') refuse(EarlyEndRefusal.notRunning, `The term is ${state.phase}; only an approved or active term can end early.`);
        if (state.earlyEnd?.status === 'PENDING') refuse(EarlyEndRefusal.alreadyRequested, 'An early end is already waiting for approval.');
      },
    },
  );

  const facts = await db.exchangeFacts({ teacherId: input.teacherId, toSchoolId: input.toSchoolId });
  const schools = { from: facts.from, to: facts.to };
  state.fromSchoolId = facts.from.id;
  state.coreToMember = isCoreToMember(schools);
  state.supportCredit = earnsSupportCredit(schools, start, config);
  upsertSearchAttributes([
    { key: searchAttributes.caseType, value: 'TEACHER_EXCHANGE' },
    { key: searchAttributes.caseStatus, value: 'RUNNING' },
    { key: searchAttributes.groupCode, value: facts.groupCode },
    { key: searchAttributes.schoolCode, value: facts.from.code },
  ]);
  const { caseId } = await db.openCase({
    caseId: input.caseId ?? uuid4(),
    workflowId: workflowInfo().workflowId,
    type: 'TEACHER_EXCHANGE',
    title: exchangeTermTitle({ teacherName: facts.teacher.name, staffNo: facts.teacher.staffNo, toName: facts.to.name, toCode: facts.to.code, startSchoolYear: start }),
    subject: exchangeTermSubject({ ...input, fromSchoolId: facts.from.id, termSchoolYears: years.length }),
    groupId: facts.groupId,
    schoolId: facts.from.id,
    teacherId: input.teacherId,
    initiatorId: input.initiatorId ?? null,
    policyVersion: policy.version,
  });
  state.caseId = caseId;
  const context = { districtId: facts.districtId, groupId: facts.groupId, schoolId: facts.from.id };

  async function close(phase: TermPhase & ('COMPLETED' | 'ENDED_EARLY' | 'REJECTED' | 'WITHDRAWN')): Promise<ExchangeTermResult> {
    state.phase = phase;
    await db.setCaseStatus({ caseId, status: phase });
    upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: phase }]);
    await sendNotifications({ kind: 'OUTCOME', caseId, dedupeKey: `OUTCOME:${caseId}` });
    return { caseId, phase };
  }

  const nomination = await runChain({
    caseId,
    chain: 'EXCHANGE_TERM',
    name: 'nomination',
    context: { ...context, conditions: exchangeChainConditions({ coreToMember: state.coreToMember, destinationWeak: facts.to.weak, weakSchoolYears: facts.teacher.weakSchoolYears }, config) },
    initiatorId: input.initiatorId,
  });
  if (nomination.status !== 'APPROVED') return close(nomination.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED');
  await db.recordExchangeApproved({ caseId, teacherId: input.teacherId, groupId: facts.groupId, fromSchoolId: facts.from.id, toSchoolId: facts.to.id, startSchoolYear: start, termSchoolYears: years.length, supportCredit: state.supportCredit, coreToMember: state.coreToMember });
  state.phase = 'APPROVED';

  async function remindBeforeEnd(): Promise<void> {
    await waitUntil(state.dueDates.reminderAt);
    await sendNotifications({ kind: 'TERM_ENDING', caseId, dedupeKey: `TERM_ENDING:${caseId}`, schoolIds: [...new Set([facts.from.id, facts.to.id, facts.coreSchoolId])], dueAt: state.dueDates.endsAt });
  }

  /** R-EVAL-UNIFIED: the destination school scores each school year of the term. */
  async function scoreEachYear(): Promise<void> {
    for (const { schoolYear, opensAt } of state.dueDates.assessments) {
      await waitUntil(opensAt);
      const scored = await runChain({ caseId, chain: 'EXCHANGE_YEAR_SCORE', name: `score-${schoolYear}`, context: { ...context, schoolId: facts.to.id } });
      const form = scored.status === 'APPROVED' ? approvedForm(scored, 'exchange-year-score', 'TEACHER_SCORE') : undefined;
      if (form) {
        await db.recordTeacherScore({ caseId, teacherId: input.teacherId, schoolYear, score: form.score, ...(form.remarks ? { remarks: form.remarks } : {}) });
        state.scores = state.scores.map((s) => (s.schoolYear === schoolYear ? { schoolYear, score: form.score } : s));
      }
      await db.recordMilestone({ caseId, key: `score-${schoolYear}`, comment: form ? `${schoolYear}学年考核 ${form.score} 分 / scored ${form.score}` : `${schoolYear}学年未评分 / not scored` });
    }
  }

  async function serveTerm(): Promise<void> {
    await waitUntil(state.dueDates.startsAt);
    await db.activateExchange({ caseId, teacherId: input.teacherId, toSchoolId: facts.to.id, startedAt: await clock.exchangeNow() });
    state.phase = 'ACTIVE';
    await db.recordMilestone({ caseId, key: 'term-active', comment: `交流开始 / term started at ${facts.to.code}` });
    await Promise.all([remindBeforeEnd(), scoreEachYear()]);
    await waitUntil(state.dueDates.endsAt);
    state.phase = 'RETURNING';
    // A pending early-end decision settles first, so the term never closes twice.
    await condition(() => state.earlyEnd?.status !== 'PENDING');
    for (let round = 1; ; round += 1) {
      const confirmed = await runChain({ caseId, chain: 'EXCHANGE_RETURN', name: `return-${round}`, context: { ...context, schoolId: facts.from.id } });
      if (confirmed.status === 'APPROVED') break;
    }
  }

  const term = new CancellationScope();
  let termOver = false;
  const served = term.run(serveTerm).then(
    () => 'COMPLETED' as const,
    (err: unknown) => {
      if (isCancellation(err)) return 'ENDED_EARLY' as const;
      throw err;
    },
  );
  const ended = served.finally(() => {
    termOver = true;
  });

  async function watchEarlyEnd(): Promise<void> {
    for (let round = 1; ; round += 1) {
      await condition(() => termOver || state.earlyEnd?.status === 'PENDING');
      if (termOver || !state.earlyEnd) return;
      const decided = await runChain({ caseId, chain: 'EXCHANGE_EARLY_END', name: `early-end-${round}`, context, initiatorId: earlyEndRequester });
      state.earlyEnd = { ...state.earlyEnd, status: decided.status === 'APPROVED' ? 'APPROVED' : 'REJECTED' };
      if (decided.status === 'APPROVED') {
        term.cancel();
        return;
      }
    }
  }

  const [outcome] = await Promise.all([ended, watchEarlyEnd()]);
  if (outcome === 'ENDED_EARLY') await db.cancelOpenExchangeTasks({ caseId });
  const endedAt = await clock.exchangeNow();
  const yearsServed = years.filter((y) => schoolYearStartsAt(y + 1, config).getTime() <= Date.parse(endedAt)).length;
  await db.closeExchange({
    caseId,
    status: outcome,
    endedAt,
    ...(outcome === 'ENDED_EARLY' && state.earlyEnd ? { endReason: `${state.earlyEnd.reason}: ${state.earlyEnd.comment}` } : {}),
    yearsServed,
    destinationWeak: facts.to.weak,
    // R-EXCH-REFUSAL: the bonus is for a core→member term served to its end.
    bonusPoints: outcome === 'COMPLETED' && state.coreToMember ? config.exchange.coreToMemberBonusPoints : 0,
    bonusSchoolYear: years[years.length - 1] ?? start,
  });
  return close(outcome);
}

// It lives three school years: it finishes on the build it started on (Worker Deployment Versioning), and a
// release that changes it needs no patch while old builds stay deployed (README "Releasing").
setWorkflowOptions(pinnedWhenVersioned, exchangeTermWorkflow);
