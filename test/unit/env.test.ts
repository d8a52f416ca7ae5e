import { describe, expect, it } from 'vitest';
import { loadEnv, requireEnv } from '../../config/env.js';

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
});
