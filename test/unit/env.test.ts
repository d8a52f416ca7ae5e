import { describe, expect, it } from 'vitest';
import { loadEnv, loginLimitsOf, requireEnv, temporalUiOf } from '../../config/env.js';

describe('configuration from the environment', () => {
  it('fills defaults for the embedded set-up', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, TEMPORAL_NAMESPACE: 'default', DATA_DIR: 'data', DECISION_TIMEOUT_MS: 10_000 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names every bad value in one message', () => {
    const load = () => loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x/y', TEMPORAL_ADDRESS: 'no-port', SMTP_URL: 'http://relay' });
    expect(load).toThrow(/PORT/);
    expect(load).toThrow(/DATABASE_URL: must be a URL starting with postgres: or postgresql:/);
    expect(load).toThrow(/TEMPORAL_ADDRESS: must be host:port/);
    expect(load).toThrow(/SMTP_URL/);
  });

  it('treats empty variables as unset', () => {
    expect(loadEnv({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it('requires real servers for the production processes', () => {
    expect(() => requireEnv(loadEnv({}), 'TEMPORAL_ADDRESS', 'DATABASE_URL')).toThrow('Missing configuration: TEMPORAL_ADDRESS, DATABASE_URL must be set.');
  });

  it('links the console to the Temporal Web UI that TEMPORAL_UI_URL names, in the configured namespace', () => {
    const env = loadEnv({ TEMPORAL_UI_URL: 'https://temporal.edu.example.cn/ui/', TEMPORAL_NAMESPACE: 'groupflow' });
    expect(env.TEMPORAL_UI_URL).toBe('https://temporal.edu.example.cn/ui');
    expect(temporalUiOf(env)).toEqual({ url: 'https://temporal.edu.example.cn/ui', namespace: 'groupflow' });
    // Set, it wins over the embedded dev server's own UI; unset, production has no link and npm start links its own.
    expect(temporalUiOf(env, 'http://localhost:8233')?.url).toBe('https://temporal.edu.example.cn/ui');
    expect(temporalUiOf(loadEnv({}))).toBeUndefined();
    expect(temporalUiOf(loadEnv({}), 'http://localhost:8233')).toEqual({ url: 'http://localhost:8233', namespace: 'default' });
  });

  it('sizes the worker\'s workflow cache from WORKER_MAX_CACHED_WORKFLOWS, else leaves it to Temporal', () => {
    expect(loadEnv({ WORKER_MAX_CACHED_WORKFLOWS: '5000' }).WORKER_MAX_CACHED_WORKFLOWS).toBe(5000);
    expect(loadEnv({}).WORKER_MAX_CACHED_WORKFLOWS).toBeUndefined();
    expect(() => loadEnv({ WORKER_MAX_CACHED_WORKFLOWS: '1' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS: must be a whole number of workflows, 2 or more/);
    expect(() => loadEnv({ WORKER_MAX_CACHED_WORKFLOWS: 'many' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
  });

  it('reads TRUST_PROXY as Express takes it, and refuses what Express would refuse', () => {
    expect(loadEnv({}).TRUST_PROXY).toBeUndefined();
    expect(loadEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => loadEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: must be true, false, a number of hops/);
  });

  it('throttles logins by default at 5 failures per login and 50 per address in 15 minutes, then locks the login for 15', () => {
    expect(loginLimitsOf(loadEnv({}))).toEqual({ maxFailuresPerLogin: 5, maxFailuresPerAddress: 50, windowSeconds: 900, lockSeconds: 900 });
    expect(loginLimitsOf(loadEnv({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MIN: '60' }))).toMatchObject({ maxFailuresPerLogin: 3, lockSeconds: 3600 });
    expect(() => loadEnv({ LOGIN_MAX_FAILURES: '0' })).toThrow(/LOGIN_MAX_FAILURES: must be a whole number, 1 or more/);
  });

  it('refuses a Temporal Web UI address that is not an http(s) URL', () => {
    expect(() => loadEnv({ TEMPORAL_UI_URL: 'temporal-ui:8080' })).toThrow(/TEMPORAL_UI_URL: must be a URL starting with http: or https:/);
    expect(() => loadEnv({ TEMPORAL_UI_URL: 'ftp://ui.example.cn' })).toThrow(/TEMPORAL_UI_URL/);
  });
});
