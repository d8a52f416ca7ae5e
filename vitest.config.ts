import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    setupFiles: ['test/setup/quiet-temporal.ts'],
    // Temporal's native worker misbehaves in worker threads; forks is also vitest's default.
    pool: 'forks',
    // The embedded PGlite serves one connection at a time (scripts/embedded-postgres.ts), so
    // without a PostgreSQL server the test files take turns.
    fileParallelism: Boolean(process.env.DATABASE_URL),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
