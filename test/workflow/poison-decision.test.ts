/**
 * Issue 12 point 2: a decision whose record the database refuses for good (here a comment holding
 * U+0000, which PostgreSQL cannot store) no longer wedges the case. The record activity fails at
 * once (non-retryable), the update answers DECISION_NOT_RECORDED with the reason, nothing is
 * half-recorded, and the task stays open for a new decision. The API refuses such text at the edge
 * before it gets here; this is the workflow's own guard behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainStateQuery } from '../../workflows/approval-chain/messages.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
});

afterAll(async () => {
  await t?.close();
});

describe('a decision the database refuses', () => {
  it('fails at once with the reason, records nothing, and leaves the task open for the next decision', { timeout: 60_000 }, async () => {
    // Arrange
    const { row, handle, chain } = await t.startCase();
    const taskId = await t.pendingTask(chain, 0);
    const poison = t.decision('core', taskId, 'APPROVE', { comment: '同意\u0000x' });

    // Act
    const started = Date.now();
    const refused = await t.decide(chain, poison).then(
      () => undefined,
      (err: unknown) => err,
    );
    const took = Date.now() - started;
    const afterRefusal = await chain.query(chainStateQuery);
    const next = await t.decide(chain, t.decision('core', taskId, 'APPROVE', { comment: '同意' }));

    // Assert
    expect(refused).toMatchObject({ cause: { type: 'DECISION_NOT_RECORDED' } });
    expect((refused as { cause: { message: string } }).cause.message).toContain('22021');
    expect(took).toBeLessThan(20_000);
    expect(afterRefusal.currentStep?.tasks.map((task) => task.status)).toEqual(['PENDING']);
    expect(afterRefusal.decisions).toBe(0);
    expect(next.currentStep?.index).toBe(1);
    const decided = await t.db.caseEvent.findMany({ where: { caseId: row.id, kind: 'APPROVED' } });
    expect(decided.map((e) => e.comment)).toEqual(['同意']);
    expect((await t.db.approvalTask.findUniqueOrThrow({ where: { id: taskId } })).state).toBe('APPROVED');
    await handle.terminate('test done');
  });
});
