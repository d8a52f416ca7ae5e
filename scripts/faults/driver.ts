/**
 * Drives cases through the HTTP API as officials would: member schools start GENERIC_APPROVAL
 * cases, the core schools and then EDU approve from their inboxes, each decision with one
 * requestId repeated on 5xx and network errors until a definite answer. Every attempt is kept
 * with the time it was sent and answered, so the verification can judge each answer afterwards.
 */
import { randomUUID } from 'node:crypto';

export interface Attempt {
  sentAt: number;
  answeredAt: number;
  /** null: no HTTP answer (connection refused or cut, or the request timed out). */
  status: number | null;
  code?: string;
  /** The answer says the decision was not applied: a refusal (4xx), or a 5xx that says so. */
  claimsNotApplied: boolean;
}

export interface Decision {
  taskId: string;
  caseId: string;
  chainWorkflowId: string | null;
  requestId: string;
  attempts: Attempt[];
  result: 'applied' | 'refused' | 'unresolved';
}

export interface DriveStats {
  caseStarts: number;
  caseStartFailures: number;
  fiveXx: number;
  networkErrors: number;
  decisions: Decision[];
}

/**
 * Answers that, in the product's words, applied nothing: 503 WORKER_UNAVAILABLE and
 * TEMPORAL_UNAVAILABLE say "Nothing was applied", and so may codes added later (their message is
 * read too). OUTCOME_UNKNOWN says the opposite: the outcome is not known.
 */
const NOT_APPLIED_CODES = new Set(['WORKER_UNAVAILABLE', 'TEMPORAL_UNAVAILABLE', 'DATABASE_UNAVAILABLE']);

export function claimsNotApplied(status: number | null, code: string | undefined, message: string | undefined): boolean {
  if (status === null || status < 400) return false;
  if (status < 500) return true;
  if (code === 'OUTCOME_UNKNOWN') return false;
  return (code !== undefined && NOT_APPLIED_CODES.has(code)) || /nothing was applied|not applied/i.test(message ?? '');
}

export interface DriverOptions {
  apiUrl: string;
  /** Case titles start with it, so the scenario's cases are found in inboxes, the database and mail. */
  titlePrefix: string;
  caseRatePerSecond: number;
  decisionRatePerSecond: number;
  /** Decisions under way at once; beyond it the decision tick waits. */
  maxInFlight: number;
  /** Attempts per decision before it is left unresolved. */
  maxAttempts: number;
  requestTimeoutMs: number;
}

interface Answer {
  status: number | null;
  body: { error?: { code?: string; message?: string }; items?: InboxItem[]; token?: string; id?: string } | undefined;
  sentAt: number;
  answeredAt: number;
}

interface InboxItem {
  id: string;
  caseId: string;
  chainWorkflowId: string | null;
  case: { id: string; title: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const MEMBERS = ['g01-s1', 'g02-s1', 'g03-s1'];
export const DECIDERS = ['g01-s0', 'g02-s0', 'g03-s0', 'edu'];
export const PASSWORD = 'demo-2026';
const MAX_REDECISIONS = 3;

export class Driver {
  readonly stats: DriveStats = { caseStarts: 0, caseStartFailures: 0, fiveXx: 0, networkErrors: 0, decisions: [] };
  private readonly tokens = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly queue: { item: InboxItem; login: string }[] = [];
  private inFlight = 0;
  private startUntil = 0;
  private stopAt = 0;
  private retryUntil = 0;
  private readonly running: Promise<void>[] = [];
  private caseCount = 0;
  private readonly redecided = new Map<string, number>();

  constructor(private readonly options: DriverOptions) {}

  private async request(method: string, path: string, login: string | undefined, body?: unknown): Promise<Answer> {
    const sentAt = Date.now();
    try {
      const res = await fetch(`${this.options.apiUrl}${path}`, {
        method,
        headers: {
          'accept-language': 'en',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(login ? { authorization: `Bearer ${this.tokens.get(login) ?? ''}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
      const text = await res.text();
      if (res.status >= 500) this.stats.fiveXx += 1;
      let parsed: Answer['body'];
      try {
        parsed = text ? (JSON.parse(text) as Answer['body']) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, body: parsed, sentAt, answeredAt: Date.now() };
    } catch {
      this.stats.networkErrors += 1;
      return { status: null, body: undefined, sentAt, answeredAt: Date.now() };
    }
  }

  async login(): Promise<void> {
    for (const login of [...MEMBERS, ...DECIDERS]) {
      const answer = await this.request('POST', '/api/auth/login', undefined, { login, password: PASSWORD });
      if (answer.status !== 200 || !answer.body?.token) throw new Error(`login ${login} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      this.tokens.set(login, answer.body.token);
    }
  }

  /** When to stop starting cases, stop deciding, and stop retrying; moved once the fault has ended. */
  schedule(times: { startUntil: number; stopAt: number; retryUntil: number }): void {
    this.startUntil = times.startUntil;
    this.stopAt = times.stopAt;
    this.retryUntil = times.retryUntil;
  }

  /** Starts cases and decides what reaches the inboxes until the schedule says stop, or `done()` says all is decided. */
  run(done: () => Promise<boolean>): Promise<void> {
    const loops = [this.startLoop(), ...DECIDERS.map((login) => this.inboxLoop(login)), this.decideLoop(done)];
    return Promise.all(loops).then(async () => {
      await Promise.all(this.running);
    });
  }

  /** Case starts are not idempotent, so a failed one is not repeated: a case it did create is found by its title. */
  private async startLoop(): Promise<void> {
    const period = 1000 / this.options.caseRatePerSecond;
    for (let next = Date.now(); Date.now() < this.startUntil; next += period) {
      await sleep(Math.max(0, next - Date.now()));
      const login = MEMBERS[this.caseCount % MEMBERS.length] as string;
      const title = `${this.options.titlePrefix}${String(this.caseCount).padStart(4, '0')}`;
      this.caseCount += 1;
      this.stats.caseStarts += 1;
      this.running.push(
        this.request('POST', '/api/cases', login, { type: 'GENERIC_APPROVAL', title }).then((a) => {
          if (a.status !== 201) this.stats.caseStartFailures += 1;
        }),
      );
    }
  }

  private async inboxLoop(login: string): Promise<void> {
    while (Date.now() < this.stopAt) {
      for (let offset = 0; offset < 1000; offset += 200) {
        const answer = await this.request('GET', `/api/inbox?caseType=GENERIC_APPROVAL&limit=200&offset=${offset}`, login);
        const items = answer.status === 200 ? (answer.body?.items ?? []) : [];
        for (const item of items) {
          if (!item.case.title.startsWith(this.options.titlePrefix) || this.seen.has(item.id)) continue;
          this.seen.add(item.id);
          this.queue.push({ item, login });
        }
        if (items.length < 200) break;
      }
      await sleep(500);
    }
  }

  private async decideLoop(done: () => Promise<boolean>): Promise<void> {
    const period = 1000 / this.options.decisionRatePerSecond;
    let lastDoneCheck = 0;
    for (let next = Date.now(); Date.now() < this.stopAt; next += period) {
      await sleep(Math.max(0, next - Date.now()));
      if (Date.now() > next + 1000) next = Date.now();
      const work = this.inFlight < this.options.maxInFlight ? this.queue.shift() : undefined;
      if (work) {
        this.inFlight += 1;
        this.running.push(this.decide(work.item, work.login).finally(() => (this.inFlight -= 1)));
      } else if (Date.now() >= this.startUntil && this.inFlight === 0 && Date.now() - lastDoneCheck > 1000) {
        lastDoneCheck = Date.now();
        if (await done().catch(() => false)) this.stopAt = Date.now();
      }
    }
  }

  private async decide(item: InboxItem, login: string): Promise<void> {
    const decision: Decision = { taskId: item.id, caseId: item.caseId, chainWorkflowId: item.chainWorkflowId, requestId: randomUUID(), attempts: [], result: 'unresolved' };
    this.stats.decisions.push(decision);
    for (let attempt = 0; attempt < this.options.maxAttempts && Date.now() < this.retryUntil; attempt += 1) {
      const answer = await this.request('POST', `/api/tasks/${item.id}/decision`, login, { requestId: decision.requestId, action: 'APPROVE', comment: '同意' });
      const code = answer.body?.error?.code;
      decision.attempts.push({ sentAt: answer.sentAt, answeredAt: answer.answeredAt, status: answer.status, code, claimsNotApplied: claimsNotApplied(answer.status, code, answer.body?.error?.message) });
      if (answer.status !== null && answer.status < 300) {
        decision.result = 'applied';
        return;
      }
      if (answer.status !== null && answer.status < 500) {
        decision.result = 'refused';
        // An official told "not waiting for a decision" (409) who still finds the task in the
        // inbox decides it again, as a new decision; a bounded number of times.
        const again = this.redecided.get(item.id) ?? 0;
        if (answer.status === 409 && again < MAX_REDECISIONS) {
          this.redecided.set(item.id, again + 1);
          await sleep(2000);
          this.seen.delete(item.id);
        }
        return;
      }
      await sleep(Math.min(5000, 500 * 2 ** attempt));
    }
  }
}
