/**
 * The fault harness's short kill -9 worker scenario (`npm run faults -- --only worker-kill` with
 * short durations): its own PostgreSQL, Temporal dev server, SMTP server, `npm run worker` and
 * `npm run api`; the worker is killed mid-run and started again, while decisions retry by requestId.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, formatTable, runFaults } from '../../scripts/faults/harness.js';

describe('fault harness: kill -9 of the worker under load', () => {
  it('loses no decision, applies none twice or against its answer, and leaves no case stuck', async () => {
    const rows = await runFaults({
      ...DEFAULT_OPTIONS,
      only: ['worker-kill'],
      preSeconds: 4,
      workerDownSeconds: 3,
      postSeconds: 4,
      stuckAfterSeconds: 90,
      mailSettleSeconds: 60,
      caseRatePerSecond: 1,
      decisionRatePerSecond: 3,
      workDir: `/tmp/groupflow-faults-test-${DEFAULT_OPTIONS.ports.postgres}`,
    });
    const row = rows[0];
    if (!row) throw new Error('the scenario produced no row');
    // The table is the harness's report; on failure it says which column and where the details are.
    const table = formatTable(rows);
    expect(row.decisions, table).toBeGreaterThan(0);
    expect(row.recoverDecisionsS, table).not.toBeNull();
    expect({ lost: row.lost, appliedTwice: row.appliedTwice, againstAnswer: row.againstAnswer, stuck: row.stuck }, table).toEqual({ lost: 0, appliedTwice: 0, againstAnswer: 0, stuck: 0 });
  }, 900_000);
});
