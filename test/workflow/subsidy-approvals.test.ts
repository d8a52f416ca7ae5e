/**
 * Yearly subsidy approvals that stop short (R-FUND-NEWSCHOOL): a refusal books nothing, and a FIN
 * form below the policy minimum is refused before anything is written. On the time-skipping server,
 * apart from the long three-year run in subsidy.test.ts (its test server's clock is left locked by such runs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { chainWorkflowId } from '../../workflows/approval-chain/messages.js';
import { newSchoolSubsidyWorkflowId, subsidyStateQuery } from '../../workflows/new-school-subsidy/messages.js';
import { newSchoolSubsidyWorkflow } from '../../workflows/new-school-subsidy/workflow.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { createNewSchool } from '../support/funding.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
});

afterAll(async () => {
  await t?.close();
});

const serverNow = async () => new Date(await t.env.currentTimeMs());

describe('new-school subsidy approvals that stop short (R-FUND-NEWSCHOOL)', () => {
  it('R-FUND-NEWSCHOOL: a first year refused by FIN books nothing and closes the case rejected', async () => {
    const school = await createNewSchool(t.db, t.org, { at: await serverNow(), ageDays: 100, campuses: [] });
    const workflowId = newSchoolSubsidyWorkflowId(school.id);
    const handle = await t.env.client.workflow.start(newSchoolSubsidyWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ schoolId: school.id }] });
    const year = schoolYearOf(await serverNow(), policyConfig);
    const chain = t.env.client.workflow.getHandle(chainWorkflowId(workflowId, `year-${year}`));

    await t.decide(chain, t.decision('edu', await t.pendingTask(chain, 0)));
    await t.decide(chain, t.decision('fin', await t.pendingTask(chain, 1), 'REJECT', { comment: '预算未落实' }));
      const result = await handle.result();
  
    expect(result.status).toBe('REJECTED');
    expect(await t.db.ledgerEntry.count({ where: { schoolId: school.id } })).toBe(0);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: result.caseId ?? '' } })).status).toBe('REJECTED');
  });

  it('R-FUND-NEWSCHOOL: refuses a form below 500 000 CNY per campus before anything is written', async () => {
    const school = await createNewSchool(t.db, t.org, { at: await serverNow(), ageDays: 10, campuses: ['主校区'] });
    const workflowId = newSchoolSubsidyWorkflowId(school.id);
    const handle: WorkflowHandle<typeof newSchoolSubsidyWorkflow> = await t.env.client.workflow.start(newSchoolSubsidyWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ schoolId: school.id }] });
    const year = schoolYearOf(await serverNow(), policyConfig);
    const chain = t.env.client.workflow.getHandle(chainWorkflowId(workflowId, `year-${year}`));
    await t.decide(chain, t.decision('edu', await t.pendingTask(chain, 0)));
    const finTask = await t.pendingTask(chain, 1);

    const refused = t.decide(chain, t.decision('fin', finTask, 'APPROVE', { form: { perCampusFen: 49_999_999, paymentDate: `${year + 1}-01-15` } }));

    await expect(refused).rejects.toMatchObject({ cause: { type: 'FORM_INVALID', message: expect.stringContaining('perCampusFen') } });
    expect(await t.db.ledgerEntry.count({ where: { schoolId: school.id } })).toBe(0);
    expect((await handle.query(subsidyStateQuery)).years[0]?.status).toBe('APPROVING');
    await handle.terminate('test done');
  });
});
