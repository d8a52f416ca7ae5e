/**
 * The commendation round on the time-skipping server with the real deadlines (R-AWARD-ANNUAL):
 * two schools nominate after their deadline and the escalation but before the round closes, a third
 * lets the nominations close and is recorded as none; the core school endorses, EDU lists and recommends to the city, ORG countersigns.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetCalendar } from '../../prisma/calendar.js';
import { addWorkingDays } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { chainWorkflowId, type DecisionInput } from '../../workflows/approval-chain/messages.js';
import { commendationRoundStateQuery, commendationRoundWorkflowId } from '../../workflows/commendation-round/messages.js';
import { commendationRoundWorkflow } from '../../workflows/commendation-round/workflow.js';
import { startChainEnv, type ChainEnv, type Who } from '../support/chain-env.js';
import { actorOf, createTestOrg, escalationAddresses } from '../support/org.js';
import { recipients } from '../support/smtp.js';
import { recordHistory } from '../support/histories.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
  // Another district's task-force office, which this district's escalations must not reach.
  await createTestOrg(t.db);
});

afterAll(async () => {
  await t?.close();
});

const approve = (who: Who, taskId: string, form?: Record<string, unknown>): DecisionInput => ({ requestId: randomUUID(), taskId, action: 'APPROVE', actor: actorOf(t.org, who), ...(form ? { form } : {}) });

describe('commendation round', () => {
  it('R-AWARD-ANNUAL: late nominations count until the round closes, a silent school is recorded as none; group review; district list with city preference', async () => {
    const silent = await t.db.school.create({ data: { code: `S-${t.org.tag}-m2`, name: '学校 m2', role: 'MEMBER', districtId: t.org.district.id, groupId: t.org.group.id, foundedOn: new Date('2010-09-01') } });
    const workflowId = commendationRoundWorkflowId(t.org.district.id, 2026);
    const round = await t.env.client.workflow.start(commendationRoundWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ districtId: t.org.district.id, schoolYear: 2026 }] });
    const chainOf = (name: string) => t.env.client.workflow.getHandle(chainWorkflowId(workflowId, name));

    const silentTask = await t.pendingTask(chainOf(`nominations-${silent.code}`), 0);
    const opened = await t.db.approvalTask.findUniqueOrThrow({ where: { id: silentTask } });
    expect(opened.formKind).toBe('NOMINATIONS');

    const closesAt = addWorkingDays(opened.openedAt, policyConfig.commendation.nominationWorkingDays + policyConfig.commendation.lateNominationWorkingDays, datasetCalendar(), policyConfig.utcOffsetMinutes);
    await t.env.sleep(closesAt.getTime() - Date.now() - 3_600_000);
    await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.taskforce.email) && m.subject?.startsWith('【督办】') === true);
    expect(await escalationAddresses(t.db, workflowId)).toEqual([t.org.officials.taskforce.email]);
    const coreChain = chainOf(`nominations-${t.org.core.code}`);
    const coreTask = await t.pendingTask(coreChain, 0);
    expect((await t.db.approvalTask.findUniqueOrThrow({ where: { id: coreTask } })).overdue).toBe(true);
    await t.decide(coreChain, approve('core', coreTask, { nominees: [{ name: '王老师', reason: '跨校带教三年' }, { name: '李老师', reason: '集团课程建设' }] }));
    const memberChain = chainOf(`nominations-${t.org.member.code}`);
    await t.decide(memberChain, approve('member', await t.pendingTask(memberChain, 0), { nominees: [{ name: '张老师', reason: '优秀班主任' }] }));
    expect((await round.query(commendationRoundStateQuery)).awaitingSchools).toEqual([silent.code]);
    await t.env.sleep(2 * 3_600_000);
    const review = chainOf(`group-review-${t.org.group.code}`);
    const reviewTask = await t.pendingTask(review, 0);
    const afterClose = await round.query(commendationRoundStateQuery);
    expect(afterClose).toMatchObject({ phase: 'GROUP_REVIEW', awaitingSchools: [], lapsedSchools: [silent.code] });
    expect((await t.db.approvalTask.findUniqueOrThrow({ where: { id: silentTask } })).state).toBe('EXPIRED');

    const id = (name: string) => afterClose.nominees.find((n) => n.name === name)?.nominationId as string;
    await t.decide(review, approve('core', reviewTask, { endorsed: [id('王老师'), id('张老师')] }));
    const district = chainOf('district-list');
    const listTask = await t.pendingTask(district, 0);
    const badList = { listed: [{ nominationId: id('张老师'), cityRecommended: false, cityPreference: 'EXCELLENT_HEAD_TEACHER' }] };
    await expect(t.decide(district, approve('edu', listTask, badList))).rejects.toMatchObject({ cause: { message: expect.stringMatching(/cityPreference/) } });
    await t.decide(district, approve('edu', listTask, { listed: [{ nominationId: id('王老师'), cityRecommended: true, cityPreference: 'MOST_BEAUTIFUL_TEACHER' }, { nominationId: id('张老师'), cityRecommended: false }] }));
    await t.decide(district, approve('edu2', await t.pendingTask(district, 1, 'EDU')));
    await t.decide(district, approve('org', await t.pendingTask(district, 1, 'ORG')));

    const result = await round.result();
    expect(result).toMatchObject({ status: 'COMPLETED', lapsedSchools: [silent.code] });
    const rows = await t.db.nomination.findMany({ where: { caseId: result.caseId }, orderBy: { nomineeName: 'asc' } });
    expect(rows.map((r) => [r.nomineeName, r.status, r.cityPreference, r.schoolYear])).toEqual(
      expect.arrayContaining([
        ['王老师', 'CITY_RECOMMENDED', 'MOST_BEAUTIFUL_TEACHER', 2026],
        ['李老师', 'NOT_SELECTED', null, 2026],
        ['张老师', 'DISTRICT_LISTED', null, 2026],
      ]),
    );
    expect(rows).toHaveLength(3);
    const kase = await t.db.case.findUniqueOrThrow({ where: { id: result.caseId }, include: { events: true } });
    expect(kase).toMatchObject({ type: 'COMMENDATION_ROUND', status: 'COMPLETED', initiatorId: null });
    expect(kase.events.filter((e) => e.kind === 'MILESTONE').map((e) => e.comment)).toEqual(expect.arrayContaining([expect.stringContaining(silent.code)]));
    await recordHistory(round, 'commendation-round');
  });
});
