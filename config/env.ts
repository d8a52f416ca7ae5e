/** Configuration comes only from environment variables, checked once at start-up. */
import express from 'express';
import { z } from 'zod';

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol), { message: `must be a URL starting with ${protocols.join(' or ')}` })
    .optional();

const portMessage = 'must be a port number from 1 to 65535';
const port = (fallback: number) => z.coerce.number({ error: portMessage }).int(portMessage).min(1, portMessage).max(65535, portMessage).default(fallback);

const wholeMessage = 'must be a whole number, 1 or more';
const positiveWhole = (fallback: number) => z.coerce.number({ error: wholeMessage }).int(wholeMessage).min(1, wholeMessage).default(fallback);

function acceptedByExpress(trustProxy: boolean | number | string[]): boolean {
  try {
    express().set('trust proxy', trustProxy);
    return true;
  } catch {
    return false;
  }
}

export const envSchema = z.object({
  TEMPORAL_ADDRESS: z
    .string()
    .trim()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port, e.g. localhost:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  MAIL_FROM: z.string().trim().min(3).default('集团化办学流程服务 <noreply@localhost>'),
  PORT: port(3000),
  TEMPORAL_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  PUBLIC_URL: optionalUrl(['http:', 'https:']),
  /** The Temporal Web UI of the cluster, where admins open a case's workflow; the console builds links below it, so no trailing slash. */
  TEMPORAL_UI_URL: optionalUrl(['http:', 'https:']).transform((v) => v?.replace(/\/+$/, '')),
  DATA_DIR: z.string().trim().min(1).default('data'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  DECISION_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * Open workflows the worker keeps in memory; a decision on one that was evicted replays its whole
   * history first. Unset, Temporal sizes the cache from the heap (about 600 per GiB).
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number({ error: 'must be a whole number of workflows, 2 or more' }).int('must be a whole number of workflows, 2 or more').min(2, 'must be a whole number of workflows, 2 or more').optional(),
  /**
   * Limits of an organisation-data import (API and command line), far above a real district (bench/import.ts's
   * 50 000 teachers are one sheet of 50 000 rows, cells of at most a few hundred characters) and
   * far below what would exhaust the API's memory or time.
   */
  IMPORT_MAX_UNPACKED_MB: positiveWhole(200),
  IMPORT_MAX_ROWS_PER_SHEET: positiveWhole(200_000),
  IMPORT_MAX_CELL_CHARS: positiveWhole(5_000),
  /** /readyz answers 503 while the oldest pending mail is older than this: the relay's longest back-off is 10 minutes. */
  MAIL_MAX_PENDING_AGE_S: positiveWhole(900),
  /** Worker Deployment Versioning: the deployment's name and this release's build id (unset: versioning off). */
  WORKER_DEPLOYMENT_NAME: z.string().trim().min(1).max(200).default('groupflow'),
  WORKER_BUILD_ID: z.string().trim().min(1).max(200).optional(),
  /**
   * Login throttling (issue 13): a login name is locked for LOGIN_LOCK_MIN minutes after
   * LOGIN_MAX_FAILURES failures within LOGIN_WINDOW_MIN minutes, and a client address is refused
   * after LOGIN_MAX_FAILURES_PER_ADDRESS failures until its window ends. An office behind one NAT
   * shares an address, hence the higher number there.
   */
  LOGIN_MAX_FAILURES: positiveWhole(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: positiveWhole(50),
  LOGIN_WINDOW_MIN: positiveWhole(15),
  LOGIN_LOCK_MIN: positiveWhole(15),
  /**
   * Express's `trust proxy`: which proxies may name the client address in X-Forwarded-For (`req.ip`,
   * what login throttling counts). Unset: none, the address is the TCP peer's. `true`, a number of
   * hops, or a comma-separated list of addresses, subnets or Express's names (`loopback`, `uniquelocal`).
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .min(1)
    .transform((v): boolean | number | string[] => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((part) => part.trim())))
    // Express compiles the setting when it is set, so a bad address stops the process here, named, rather than in createApp.
    .refine((v) => acceptedByExpress(v), { message: 'must be true, false, a number of hops, or comma-separated proxy addresses, subnets or loopback/linklocal/uniquelocal' })
    .optional(),
  /** `npm run worker` answers /livez and /readyz on this port (0: none). */
  WORKER_HEALTH_PORT: z.coerce.number({ error: portMessage }).int(portMessage).min(0, portMessage).max(65535, portMessage).default(3001),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const blanksRemoved = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
}

export interface ImportLimits {
  /** What the files may unpack to, all together: a CSV's size, an `.xlsx`'s declared uncompressed size. */
  maxUnpackedBytes: number;
  maxRowsPerSheet: number;
  maxCellChars: number;
}

export function importLimitsOf(env: Env): ImportLimits {
  return { maxUnpackedBytes: env.IMPORT_MAX_UNPACKED_MB * 1024 * 1024, maxRowsPerSheet: env.IMPORT_MAX_ROWS_PER_SHEET, maxCellChars: env.IMPORT_MAX_CELL_CHARS };
}

/** The limits when nothing is configured, for callers without an environment of their own (tests, benchmarks). */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = importLimitsOf(envSchema.parse({}));

export interface LoginLimits {
  maxFailuresPerLogin: number;
  maxFailuresPerAddress: number;
  windowSeconds: number;
  lockSeconds: number;
}

export function loginLimitsOf(env: Env): LoginLimits {
  return { maxFailuresPerLogin: env.LOGIN_MAX_FAILURES, maxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS, windowSeconds: env.LOGIN_WINDOW_MIN * 60, lockSeconds: env.LOGIN_LOCK_MIN * 60 };
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = loginLimitsOf(envSchema.parse({}));

/** Where admins open a case's workflow: TEMPORAL_UI_URL, else the embedded dev server's own Web UI when there is one. */
export function temporalUiOf(env: Env, embeddedUiUrl?: string): { url: string; namespace: string } | undefined {
  const url = env.TEMPORAL_UI_URL ?? embeddedUiUrl;
  return url ? { url, namespace: env.TEMPORAL_NAMESPACE } : undefined;
}

/** Production processes (worker, API) run against real servers only. */
export function requireEnv<K extends keyof Env>(env: Env, ...keys: K[]): Env & Required<Pick<Env, K>> {
  const missing = keys.filter((k) => env[k] === undefined);
  if (missing.length > 0) throw new EnvError(`Missing configuration: ${missing.join(', ')} must be set.`);
  return env as Env & Required<Pick<Env, K>>;
}

/** For process entry points: bad configuration ends the process with its message, not a stack trace. */
export function loadEnvOrExit<K extends keyof Env>(...required: K[]): Env & Required<Pick<Env, K>> {
  try {
    return requireEnv(loadEnv(), ...required);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
