/**
 * The fault harness: starts the production shape (stack.ts), then for each selected scenario
 * drives cases through the API at a steady rate (driver.ts), injects the fault mid-run, and judges
 * afterwards, against the database, Temporal's histories and the mail the SMTP server received,
 * what every answer said and what really happened.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { temporal } from '@temporalio/proto';
import { Driver, type Decision } from './driver.js';
import { DEFAULT_PORTS, Stack, waitUntil, type ReceivedMail, type StackPorts } from './stack.js';

export interface FaultOptions {
  /** Scenario names to run, in the listed order of SCENARIOS; all when empty. */
  only: string[];
  /** Load before the fault is injected. */
  preSeconds: number;
  /** Load after the fault ended; new cases start until then. */
  postSeconds: number;
  /** A case not approved this long after the last case started is stuck. */
  stuckAfterSeconds: number;
  /** How long after the fault ended mail may take to arrive before it counts as missing. */
  mailSettleSeconds: number;
  workerDownSeconds: number;
  postgresDownSeconds: number;
  smtpDownSeconds: number;
  temporalDownSeconds: number;
  caseRatePerSecond: number;
  decisionRatePerSecond: number;
  maxAttempts: number;
  ports: StackPorts;
  workDir: string;
  log: (line: string) => void;
}

export const DEFAULT_OPTIONS: FaultOptions = {
  only: [],
  preSeconds: 15,
  postSeconds: 30,
  stuckAfterSeconds: 60,
  mailSettleSeconds: 120,
  workerDownSeconds: 10,
  postgresDownSeconds: 60,
  smtpDownSeconds: 120,
  temporalDownSeconds: 0,
  caseRatePerSecond: 2,
  decisionRatePerSecond: 5,
  maxAttempts: 40,
  ports: DEFAULT_PORTS,
  workDir: `/tmp/groupflow-faults-${DEFAULT_PORTS.postgres}`,
  log: () => undefined,
};

export interface ScenarioRow {
  scenario: string;
  cases: number;
  decisions: number;
  lost: number;
  appliedTwice: number;
  againstAnswer: number;
  stuck: number;
  unresolved: number;
  mailsMissing: number;
  mailsDuplicated: number;
  fiveXx: number;
  networkErrors: number;
  recoverDecisionsS: number | null;
  recoverMailS: number | null;
  notes: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Scenario {
  name: string;
  /** Injects the fault and returns when it has ended (the restart issued, the server back). */
  inject(stack: Stack, options: FaultOptions): Promise<void>;
  /** Puts the stack back in its usual shape once the scenario is judged. */
  after?(stack: Stack): Promise<void>;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'worker-kill',
    async inject(stack, options) {
      const worker = stack.workers.find((w) => w.running);
      if (!worker) throw new Error('no worker running to kill');
      await worker.kill9();
      await sleep(options.workerDownSeconds * 1000);
      worker.start();
    },
  },
  {
    name: 'api-kill',
    async inject(stack) {
      await stack.api.kill9();
      stack.api.start();
    },
  },
  {
    name: 'postgres-down',
    async inject(stack, options) {
      stack.postgres.stop('immediate');
      await sleep(options.postgresDownSeconds * 1000);
      stack.postgres.start();
    },
  },
  {
    name: 'smtp-down',
    async inject(stack, options) {
      await stack.smtp.stop();
      await sleep(options.smtpDownSeconds * 1000);
      await stack.smtp.start();
    },
  },
  {
    name: 'temporal-restart',
    async inject(stack, options) {
      await stack.stopTemporal();
      await sleep(options.temporalDownSeconds * 1000);
      await stack.startTemporal();
    },
  },
  {
    name: 'second-worker',
    async inject(stack) {
      stack.newWorker().start();
    },
    async after(stack) {
      for (const extra of stack.workers.slice(1)) await extra.stop();
      stack.workers.splice(1);
    },
  },
];

const eventMs = (t: temporal.api.history.v1.IHistoryEvent['eventTime']) => (t ? Number(t.seconds?.toString() ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : NaN);
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** When Temporal accepted each update (by update id = requestId), and how often. */
async function acceptedUpdates(stack: Stack, chainIds: string[]): Promise<Map<string, number[]>> {
  const accepted = new Map<string, number[]>();
  for (const chainId of chainIds) {
    const history = await stack.client.workflow.getHandle(chainId).fetchHistory();
    for (const event of history.events ?? []) {
      const updateId = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId;
      if (updateId) accepted.set(updateId, [...(accepted.get(updateId) ?? []), eventMs(event.eventTime)]);
    }
  }
  return accepted;
}

/**
 * A "nothing was applied" answer was false when the decision was applied (accepted by Temporal or
 * recorded in the database) before the next attempt was sent, or at all when none followed: then
 * the earlier attempt, not a retry, applied it. A claim made false only after the retry was sent
 * cannot be told from the retry's own effect and is not counted.
 */
export function answeredAgainstOutcome(decision: Decision, appliedAt: number | undefined): boolean {
  if (appliedAt === undefined) return false;
  return decision.attempts.some((a, i) => a.claimsNotApplied && appliedAt < (decision.attempts[i + 1]?.sentAt ?? Infinity));
}

interface Judged extends Omit<ScenarioRow, 'scenario'> {
  /** The cases behind each non-zero count, written next to the logs for whoever investigates. */
  details: Record<string, unknown>;
}

async function judge(stack: Stack, prefix: string, driver: Driver, faultEnd: number, mailDeadline: number): Promise<Judged> {
  const db = stack.db;
  const cases = await db.case.findMany({ where: { title: { startsWith: prefix } }, select: { id: true, status: true } });
  const caseIds = cases.map((c) => c.id);
  const notes: string[] = [];

  // Mail first gets its bounded time to arrive: every stored message received, every task and outcome told.
  const mailState = async () => {
    const [tasks, notifications] = await Promise.all([
      db.approvalTask.findMany({ where: { caseId: { in: caseIds } }, select: { id: true, caseId: true, state: true, chainWorkflowId: true } }),
      db.notification.findMany({ where: { caseId: { in: caseIds } }, select: { id: true, kind: true, caseId: true, toAddress: true, subject: true, bodyText: true, state: true, attempts: true, lastError: true, createdAt: true, sentAt: true } }),
    ]);
    const mails = stack.smtp.received.filter((m) => m.subject.includes(prefix));
    const rowKey = (n: { toAddress: string; subject: string; bodyText: string }) => `${n.toAddress}|${n.subject}|${normalise(n.bodyText)}`;
    const mailKey = (m: ReceivedMail) => `${m.to}|${m.subject}|${normalise(m.text)}`;
    const byKey = new Map<string, string>(notifications.map((n) => [rowKey(n), n.id]));
    const received = new Map<string, number>();
    const seenMessageIds = new Set<string>();
    let duplicated = 0;
    let unmatched = 0;
    for (const mail of [...mails].sort((a, b) => a.receivedAt - b.receivedAt)) {
      const rowId = byKey.get(mailKey(mail));
      if (!rowId) unmatched += 1;
      const again = (mail.messageId !== '' && seenMessageIds.has(mail.messageId)) || (rowId !== undefined && (received.get(rowId) ?? 0) > 0);
      if (again) duplicated += 1;
      seenMessageIds.add(mail.messageId);
      if (rowId) received.set(rowId, (received.get(rowId) ?? 0) + 1);
    }
    const notReceived = notifications.filter((n) => !received.has(n.id));
    // Messages that were never stored: a task nobody was told about, an approved case whose initiator was not.
    const untoldTasks = tasks.filter((t) => !notifications.some((n) => n.kind === 'NEW_TASK' && n.bodyText.includes(`task=${t.id}`)));
    const approvedCases = (await db.case.findMany({ where: { id: { in: caseIds }, status: 'APPROVED' }, select: { id: true } })).map((c) => c.id);
    const untoldOutcomes = approvedCases.filter((id) => !notifications.some((n) => n.kind === 'OUTCOME' && n.caseId === id));
    const details = { notReceived: notReceived.map(({ bodyText: _b, ...n }) => n), untoldTasks, untoldOutcomes };
    return { tasks, missing: notReceived.length + untoldTasks.length + untoldOutcomes.length, duplicated, unmatched, mails, details };
  };
  await waitUntil(async () => (await mailState()).missing === 0, Math.max(0, mailDeadline - Date.now()), 1000);
  const mail = await mailState();
  if (mail.unmatched > 0) notes.push(`${mail.unmatched} mail(s) matching no outbox row`);

  const [finalCases, events] = await Promise.all([
    db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, status: true } }),
    db.caseEvent.findMany({ where: { caseId: { in: caseIds }, dedupeKey: { startsWith: 'decision:' } }, select: { dedupeKey: true, taskId: true, at: true } }),
  ]);
  const eventByKey = new Map(events.map((e) => [e.dedupeKey, e]));
  const eventsPerTask = new Map<string, number>();
  for (const e of events) if (e.taskId) eventsPerTask.set(e.taskId, (eventsPerTask.get(e.taskId) ?? 0) + 1);
  const taskState = new Map(mail.tasks.map((t) => [t.id, t.state]));
  const chainIds = [...new Set(mail.tasks.flatMap((t) => (t.chainWorkflowId ? [t.chainWorkflowId] : [])))];
  const accepted = await acceptedUpdates(stack, chainIds);

  const decisions = driver.stats.decisions;
  const lost: unknown[] = [];
  const againstAnswer: unknown[] = [];
  const twice = new Set<string>([...eventsPerTask].filter(([, n]) => n > 1).map(([taskId]) => taskId));
  for (const d of decisions) {
    const event = eventByKey.get(`decision:${d.caseId}:${d.requestId}`);
    const acceptedAt = accepted.get(d.requestId) ?? [];
    if (acceptedAt.length > 1) twice.add(d.taskId);
    const appliedAt = Math.min(...acceptedAt, event ? event.at.getTime() : Infinity);
    const explained = { ...d, event, taskState: taskState.get(d.taskId), acceptedAt };
    if (d.result === 'applied' && (!event || taskState.get(d.taskId) !== 'APPROVED')) lost.push(explained);
    if (answeredAgainstOutcome(d, Number.isFinite(appliedAt) ? appliedAt : undefined)) againstAnswer.push(explained);
  }
  const refused = decisions.filter((d) => d.result === 'refused');
  if (refused.length) notes.push(`${refused.length} refused: ${[...new Set(refused.map((d) => d.attempts.at(-1)?.code ?? '?'))].join(', ')}`);
  const { caseStarts, caseStartFailures } = driver.stats;
  if (caseStartFailures) notes.push(`${caseStartFailures}/${caseStarts} case starts failed`);
  const firstAfter = (times: number[]) => {
    const after = times.filter((t) => t >= faultEnd);
    return after.length ? Math.round((Math.min(...after) - faultEnd) / 100) / 10 : null;
  };
  const stuck = finalCases.filter((c) => c.status !== 'APPROVED');
  return {
    cases: cases.length,
    decisions: decisions.length,
    lost: lost.length,
    appliedTwice: twice.size,
    againstAnswer: againstAnswer.length,
    stuck: stuck.length,
    unresolved: decisions.filter((d) => d.result === 'unresolved').length,
    mailsMissing: mail.missing,
    mailsDuplicated: mail.duplicated,
    fiveXx: driver.stats.fiveXx,
    networkErrors: driver.stats.networkErrors,
    recoverDecisionsS: firstAfter(decisions.flatMap((d) => d.attempts.filter((a) => a.status !== null && a.status < 300).map((a) => a.answeredAt))),
    recoverMailS: firstAfter(mail.mails.map((m) => m.receivedAt)),
    notes,
    details: {
      faultEnd: new Date(faultEnd).toISOString(),
      lost,
      appliedTwice: [...twice],
      againstAnswer,
      stuck: stuck.map((c) => ({ ...c, tasks: mail.tasks.filter((t) => t.caseId === c.id) })),
      unresolved: decisions.filter((d) => d.result === 'unresolved'),
      mail: mail.details,
    },
  };
}

async function runScenario(stack: Stack, scenario: Scenario, options: FaultOptions, runId: string): Promise<ScenarioRow> {
  const { log } = options;
  const prefix = `faults ${runId} ${scenario.name} #`;
  const driver = new Driver({
    apiUrl: stack.apiUrl,
    titlePrefix: prefix,
    caseRatePerSecond: options.caseRatePerSecond,
    decisionRatePerSecond: options.decisionRatePerSecond,
    maxInFlight: 100,
    maxAttempts: options.maxAttempts,
    requestTimeoutMs: 30_000,
  });
  await driver.login();
  const exitsBefore = [stack.api, ...stack.workers].map((p) => p.unexpectedExits.length);
  // The outbox relay is shared: mail an earlier scenario left pending goes before this one's.
  const mailBacklog = await stack.db.notification.count({ where: { state: 'PENDING' } });
  const hardStop = Date.now() + 30 * 60_000;
  const allApproved = async () => {
    const [total, open] = await Promise.all([stack.db.case.count({ where: { title: { startsWith: prefix } } }), stack.db.case.count({ where: { title: { startsWith: prefix }, status: { not: 'APPROVED' } } })]);
    return total > 0 && open === 0;
  };
  driver.schedule({ startUntil: hardStop, stopAt: hardStop, retryUntil: hardStop });
  const driving = driver.run(allApproved);
  await sleep(options.preSeconds * 1000);
  log(`${scenario.name}: fault injected`);
  await scenario.inject(stack, options);
  const faultEnd = Date.now();
  log(`${scenario.name}: fault ended; load for ${options.postSeconds} s more, then up to ${options.stuckAfterSeconds} s for the cases to finish`);
  const startUntil = faultEnd + options.postSeconds * 1000;
  const stopAt = startUntil + options.stuckAfterSeconds * 1000;
  driver.schedule({ startUntil, stopAt, retryUntil: stopAt });
  await driving;
  log(`${scenario.name}: judging (mail may take until ${options.mailSettleSeconds} s after the fault)`);
  // Mail of the last cases to close is queued as they close: it gets a moment even after a long drain.
  const { details, ...row } = await judge(stack, prefix, driver, faultEnd, Math.max(Date.now() + 15_000, faultEnd + options.mailSettleSeconds * 1000));
  const detailsFile = path.join(options.workDir, `${scenario.name}.json`);
  await writeFile(detailsFile, JSON.stringify(details, null, 2));
  log(`${scenario.name}: details in ${detailsFile}`);
  const exits = [stack.api, ...stack.workers].flatMap((p, i) => p.unexpectedExits.slice(exitsBefore[i] ?? 0));
  await scenario.after?.(stack);
  return { scenario: scenario.name, ...row, notes: [...(mailBacklog ? [`${mailBacklog} mails pending from before`] : []), ...exits, ...row.notes] };
}

export function selectScenarios(only: string[]): Scenario[] {
  const unknown = only.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length) throw new Error(`Unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return only.length ? SCENARIOS.filter((s) => only.includes(s.name)) : SCENARIOS;
}

export async function runFaults(options: FaultOptions): Promise<ScenarioRow[]> {
  const scenarios = selectScenarios(options.only);
  const stack = new Stack({ ports: options.ports, workDir: options.workDir, log: options.log });
  const rows: ScenarioRow[] = [];
  // The worker, API and servers run in process groups of their own, so Ctrl-C would not reach them.
  const interrupted = () => {
    options.log('interrupted: stopping the stack');
    void stack.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await stack.start();
    const runId = randomUUID().slice(0, 8);
    for (const scenario of scenarios) {
      const healed = await stack.heal();
      options.log(`${scenario.name}: start${healed.length ? ` (${healed.join('; ')})` : ''}`);
      const row = await runScenario(stack, scenario, options, runId);
      rows.push({ ...row, notes: [...healed, ...row.notes] });
      options.log(formatTable([row]).split('\n').at(-1) ?? '');
    }
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await stack.stop();
  }
  return rows;
}

const COLUMNS: [string, (r: ScenarioRow) => string][] = [
  ['scenario', (r) => r.scenario],
  ['cases', (r) => String(r.cases)],
  ['decisions', (r) => String(r.decisions)],
  ['lost', (r) => String(r.lost)],
  ['applied twice', (r) => String(r.appliedTwice)],
  ['against answer', (r) => String(r.againstAnswer)],
  ['stuck', (r) => String(r.stuck)],
  ['unresolved', (r) => String(r.unresolved)],
  ['mails missing', (r) => String(r.mailsMissing)],
  ['mails dup', (r) => String(r.mailsDuplicated)],
  ['5xx', (r) => String(r.fiveXx)],
  ['net err', (r) => String(r.networkErrors)],
  ['recover decisions s', (r) => (r.recoverDecisionsS === null ? 'never' : r.recoverDecisionsS.toFixed(1))],
  ['recover mail s', (r) => (r.recoverMailS === null ? 'never' : r.recoverMailS.toFixed(1))],
  ['notes', (r) => r.notes.join('; ')],
];

export function formatTable(rows: ScenarioRow[]): string {
  const cells = [COLUMNS.map(([title]) => title), ...rows.map((r) => COLUMNS.map(([, value]) => value(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) => `| ${row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  return [line(cells[0] ?? []), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}
