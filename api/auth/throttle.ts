/**
 * Login throttling per login name and per client address, counted in PostgreSQL (LoginThrottle)
 * so that every API instance sees the same counters. rate-limiter-flexible's Prisma store keeps
 * the windows: it increments a key in one INSERT … ON CONFLICT and starts a new window once the
 * old one has expired.
 */
import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible';
import type { LoginLimits } from '../../config/env.js';
import type { Db } from '../../prisma/client.js';

export type Admission = { admitted: true; byLogin: RateLimiterRes } | { admitted: false; retryAfterSeconds: number };

export function loginThrottle(db: Db, limits: LoginLimits) {
  const store = { storeClient: db, tableName: 'loginThrottle', duration: limits.windowSeconds };
  const byLogin = new RateLimiterPrisma({ ...store, keyPrefix: 'login', points: limits.maxFailuresPerLogin });
  const byAddress = new RateLimiterPrisma({ ...store, keyPrefix: 'address', points: limits.maxFailuresPerAddress });

  return {
    /**
     * Counts the attempt before the password is hashed, so that of many concurrent attempts only
     * the allowed number reach scrypt and the others cost two upserts. A success gives it back.
     */
    async admit(login: string, address: string): Promise<Admission> {
      const [forLogin, forAddress] = await Promise.all([byLogin.penalty(login), byAddress.penalty(address)]);
      const over = [forLogin.consumedPoints > limits.maxFailuresPerLogin ? forLogin : undefined, forAddress.consumedPoints > limits.maxFailuresPerAddress ? forAddress : undefined].filter((r) => r !== undefined);
      if (over.length === 0) return { admitted: true, byLogin: forLogin };
      return { admitted: false, retryAfterSeconds: Math.max(1, ...over.map((r) => Math.ceil(r.msBeforeNext / 1000))) };
    },
    /** A wrong password: the failure that reaches the login's limit locks it for the lock time, from now. */
    async failed(login: string, admission: Extract<Admission, { admitted: true }>): Promise<void> {
      if (admission.byLogin.consumedPoints >= limits.maxFailuresPerLogin) await byLogin.block(login, limits.lockSeconds);
    },
    /** The right password: the login's failures are forgotten, and the address gets its attempt back. */
    async succeeded(login: string, address: string): Promise<void> {
      await Promise.all([byLogin.delete(login), byAddress.reward(address)]);
    },
  };
}

export type LoginThrottle = ReturnType<typeof loginThrottle>;
