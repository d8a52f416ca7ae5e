/** Logging in: throttled per login and per client address, every refusal audited (LoginFailure). */
import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from '../../config/env.js';
import type { LoginFailureReason } from '../../generated/prisma/client.js';
import type { Db } from '../../prisma/client.js';
import { DomainError } from '../errors.js';
import { loginBody } from '../schemas.js';
import { verifyPassword } from './password.js';
import { hashToken } from './sessions.js';
import { loginThrottle } from './throttle.js';

/** Enough of a login to see which account or pattern was tried, too little to hold a password typed into the login field. */
const LOGIN_PREFIX_CHARS = 6;

export interface LoginDeps {
  db: Db;
  sessionTtlHours: number;
  loginLimits?: LoginLimits;
}

export interface LoginAttempt {
  login: string;
  password: string;
  /** The client's address as Express sees it (`req.ip`, after `trust proxy`). */
  address: string;
}

export function loginService({ db, sessionTtlHours, loginLimits = DEFAULT_LOGIN_LIMITS }: LoginDeps) {
  const throttle = loginThrottle(db, loginLimits);
  const refuse = async (attempt: LoginAttempt, reason: LoginFailureReason, officialId?: string) => {
    await db.loginFailure.create({ data: { loginPrefix: [...attempt.login].slice(0, LOGIN_PREFIX_CHARS).join(''), address: attempt.address, reason, officialId: officialId ?? null } });
  };

  return async function logIn(attempt: LoginAttempt) {
    const admission = await throttle.admit(attempt.login, attempt.address);
    if (!admission.admitted) {
      await refuse(attempt, 'THROTTLED');
      throw new DomainError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: admission.retryAfterSeconds }, admission.retryAfterSeconds);
    }
    const official = await db.official.findUnique({ where: { login: attempt.login } });
    // An unknown or inactive login is checked against a dummy hash, so it takes as long as a wrong password.
    const matches = await verifyPassword(attempt.password, official?.active ? official.passwordHash : undefined);
    if (!official || !official.active || !matches) {
      await Promise.all([throttle.failed(attempt.login, admission), refuse(attempt, !official ? 'UNKNOWN_LOGIN' : !official.active ? 'INACTIVE' : 'WRONG_PASSWORD', official?.id)]);
      throw new DomainError('INVALID_CREDENTIALS');
    }
    await throttle.succeeded(attempt.login, attempt.address);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + sessionTtlHours * 3_600_000);
    await db.$transaction([
      db.session.create({ data: { tokenHash: hashToken(token), officialId: official.id, expiresAt } }),
      db.auditLog.create({ data: { actorId: official.id, action: 'LOGIN' } }),
    ]);
    return { token, expiresAt: expiresAt.toISOString(), official: { id: official.id, login: official.login, displayName: official.displayName, roles: official.roles } };
  };
}

export function loginRoutes(deps: LoginDeps): Router {
  const router = Router();
  const logIn = loginService(deps);
  router.post('/login', async (req, res) => {
    const { login, password } = loginBody.parse(req.body);
    res.json(await logIn({ login, password, address: req.ip ?? req.socket.remoteAddress ?? 'unknown' }));
  });
  return router;
}
