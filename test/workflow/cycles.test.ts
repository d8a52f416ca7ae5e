/**
 * The yearly cycle workflow for a given school year (R-ASSESS-ANNUAL, R-AWARD-ANNUAL): one case per
 * tight group (loose groups are not assessed), one round per district, and nothing opened twice —
 * whether the earlier case shows in the database or only in Temporal.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { commendationRoundWorkflowId } from '../../workflows/commendation-round/messages.js';
import { annualCycleWorkflow } from '../../workflows/cycles/workflow.js';
import { groupAssessmentWorkflowId } from '../../workflows/group-assessment/messages.js';
import { groupAssessmentWorkflow } from '../../workflows/group-assessment/workflow.js';
import type { CycleInput } from '../../workflows/cycles/messages.js';
import { createAssessedGroup } from '../support/assessment-groups.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
});

afterAll(async () => {
  await t?.close();
});

const runCycle = (input: CycleInput) => t.env.client.workflow.execute(annualCycleWorkflow, { taskQueue: t.taskQueue, workflowId: `cycle-test-${randomUUID()}`, args: [input] });

describe('yearly cycles', () => {
  it('R-ASSESS-ANNUAL: opens one assessment per tight group for the year, and a second run opens none', async () => {
    const second = await createAssessedGroup(t.db, t.org, 4);
    await t.db.educationGroup.create({ data: { code: `L-${t.org.tag}`, name: '松散型联盟', kind: 'LOOSE', districtId: t.org.district.id } });
    // Already running in Temporal under its deterministic id, though no worker has opened its case row yet.
    const blocked = await t.env.client.workflow.start(groupAssessmentWorkflow, { taskQueue: `nobody-${randomUUID()}`, workflowId: groupAssessmentWorkflowId(second.group.id, 2030), args: [{ groupId: second.group.id, schoolYear: 2030 }] });

    const first = await runCycle({ kind: 'GROUP_ASSESSMENT', districtId: t.org.district.id, schoolYear: 2030 });
    const mine = groupAssessmentWorkflowId(t.org.group.id, 2030);
    expect(first).toEqual({ schoolYear: 2030, opened: [mine], existing: [blocked.workflowId] });
    await blocked.terminate('test done');
    const again = await runCycle({ kind: 'GROUP_ASSESSMENT', districtId: t.org.district.id, schoolYear: 2030 });
    expect(again.opened).toEqual([]);
    expect(again.existing).toContain(mine);
    expect(await t.db.case.count({ where: { workflowId: mine } })).toBe(1);
    await t.env.client.workflow.getHandle(mine).terminate('test done');
  });

  it('R-AWARD-ANNUAL: opens the district round; without a year or a schedule it takes the current school year', async () => {
    const result = await runCycle({ kind: 'COMMENDATION_ROUND', districtId: t.org.district.id });
    const year = schoolYearOf(new Date(), policyConfig);
    expect(result).toEqual({ schoolYear: year, opened: [commendationRoundWorkflowId(t.org.district.id, year)], existing: [] });
    await t.env.client.workflow.getHandle(result.opened[0] as string).terminate('test done');
  });
});
