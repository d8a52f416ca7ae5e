/**
 * The yearly cases end to end through the API on the dev server: a schedule opens them, officials
 * find the steps in their inbox with the form to fill in and decide through
 * `POST /api/tasks/:id/decision` (R-ASSESS-ANNUAL, R-TIER-DYNAMIC, R-AWARD-ANNUAL).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { commendationRoundWorkflowId } from '../../workflows/commendation-round/messages.js';
import { groupAssessmentWorkflowId } from '../../workflows/group-assessment/messages.js';
import { call } from '../support/api.js';
import { eventually, removeCycles } from '../support/schedules.js';
import { startStack, type Stack, type Who } from '../support/stack.js';

let s: Stack;

beforeAll(async () => {
  s = await startStack();
});

afterAll(async () => {
  if (s) await removeCycles(s.temporal, s.db, s.org.district.id);
  await s?.close();
});

const schoolYear = schoolYearOf(new Date(), policyConfig);
const api = (who: Who, method: string, path: string, body?: unknown) => call(s.api, method, path, { token: s.tokens[who], ...(body !== undefined ? { body } : {}) });

async function inboxTask(who: Who, workflowId: string, formKind?: string) {
  return eventually(async () => {
    const items: { id: string; formKind: string | null; case: { workflowId: string } }[] = (await api(who, 'GET', '/api/inbox?limit=200')).body.items;
    return items.find((t) => t.case.workflowId === workflowId && (formKind === undefined || t.formKind === formKind));
  }, `a task for ${who}`);
}

const decide = (who: Who, taskId: string, form?: Record<string, unknown>) =>
  api(who, 'POST', `/api/tasks/${taskId}/decision?wait=true`, { requestId: randomUUID(), action: 'APPROVE', ...(form ? { form } : {}) });

async function openByTrigger(kind: 'GROUP_ASSESSMENT' | 'COMMENDATION_ROUND', workflowId: string) {
  expect((await api('scheduler', 'POST', '/api/schedules', { kind })).status).toBe(201);
  expect((await api('scheduler', 'POST', `/api/schedules/${kind}/trigger`, { requestId: randomUUID() })).status).toBe(202);
  return eventually(() => s.db.case.findUnique({ where: { workflowId } }), `the ${kind} case`);
}

describe('yearly cases through the inbox', () => {
  it('R-ASSESS-ANNUAL R-TIER-DYNAMIC: the core school self-assesses, EDU scores and moves the tier down, the EDU lead approves, the result is published', async () => {
    const workflowId = groupAssessmentWorkflowId(s.org.group.id, schoolYear);
    const kase = await openByTrigger('GROUP_ASSESSMENT', workflowId);

    const selfTask = await inboxTask('core', workflowId, 'SELF_ASSESSMENT');
    const missingForm = await decide('core', selfTask.id);
    expect([missingForm.status, missingForm.body.error.code]).toEqual([422, 'FORM_INVALID']);
    expect((await decide('core', selfTask.id, { summary: '集团年度自评', selfScore: 70 })).status).toBe(200);
    expect((await decide('edu', (await inboxTask('edu', workflowId, 'ASSESSMENT_SCORE')).id, { score: 62 })).status).toBe(200);
    const tierTask = await inboxTask('edu', workflowId, 'TIER_DECISION');
    expect((await decide('edu', tierTask.id, { move: -1 })).body.error.code).toBe('FORM_INVALID');
    expect((await decide('edu', tierTask.id, { move: -1, reason: '质量下滑' })).status).toBe(200);
    expect((await decide('eduLead', (await inboxTask('eduLead', workflowId)).id)).status).toBe(200);

    const published = await eventually(async () => (await s.db.case.findUniqueOrThrow({ where: { id: kase.id } })).status === 'COMPLETED' && s.db.groupAssessment.findUnique({ where: { caseId: kase.id } }), 'the published assessment');
    expect(published).toMatchObject({ kind: 'ANNUAL', schoolYear, score: 62, tierBefore: 2, tierAfter: 3 });
    expect((await s.db.educationGroup.findUniqueOrThrow({ where: { id: s.org.group.id } })).tier).toBe(3);
    const detail = await api('core', 'GET', `/api/cases/${kase.id}`);
    expect(detail.body).toMatchObject({ type: 'GROUP_ASSESSMENT', status: 'COMPLETED' });
  });

  it('R-AWARD-ANNUAL: schools nominate, the core school endorses, EDU lists and recommends to the city, EDU and ORG countersign', async () => {
    const workflowId = commendationRoundWorkflowId(s.org.district.id, schoolYear);
    const kase = await openByTrigger('COMMENDATION_ROUND', workflowId);

    const tooMany = Array.from({ length: policyConfig.commendation.maxNomineesPerSchool + 1 }, (_, i) => ({ name: `教师${i}`, reason: '贡献突出' }));
    const coreTask = await inboxTask('core', workflowId, 'NOMINATIONS');
    expect((await decide('core', coreTask.id, { nominees: tooMany })).body.error.code).toBe('FORM_INVALID');
    expect((await decide('core', coreTask.id, { nominees: [{ name: '赵老师', reason: '集团教研牵头人' }] })).status).toBe(200);
    expect((await decide('member', (await inboxTask('member', workflowId, 'NOMINATIONS')).id, { nominees: [{ name: '钱老师', reason: '交流轮岗成效显著' }] })).status).toBe(200);

    const reviewTask = await inboxTask('core', workflowId, 'GROUP_ENDORSEMENT');
    const nominees: { nominationId: string; name: string }[] = (await api('core', 'GET', `/api/cases/${kase.id}`)).body.subject.nominees;
    const id = (name: string) => nominees.find((n) => n.name === name)?.nominationId;
    // The forms' editors read the nominations with reason and school, as the case detail is readable: not by an official without a part in the round.
    const nominations = await api('core', 'GET', `/api/cases/${kase.id}/nominations`);
    expect(nominations.body.items.map((n: { id: string; name: string; reason: string; status: string; school: { id: string; groupId: string } }) => [n.id, n.name, n.reason, n.status, n.school.id, n.school.groupId]).sort()).toEqual(
      [
        [id('赵老师'), '赵老师', '集团教研牵头人', 'NOMINATED', s.org.core.id, s.org.group.id],
        [id('钱老师'), '钱老师', '交流轮岗成效显著', 'NOMINATED', s.org.member.id, s.org.group.id],
      ].sort(),
    );
    expect((await api('fin', 'GET', `/api/cases/${kase.id}/nominations`)).status).toBe(404);
    expect((await call(s.api, 'GET', `/api/cases/${kase.id}/nominations`)).status).toBe(401);
    expect((await decide('core', reviewTask.id, { endorsed: [id('赵老师'), id('钱老师')] })).status).toBe(200);
    const listTask = await inboxTask('edu', workflowId, 'DISTRICT_LIST');
    const list = { listed: [{ nominationId: id('赵老师'), cityRecommended: true, cityPreference: 'EXCELLENT_HEAD_TEACHER' }, { nominationId: id('钱老师'), cityRecommended: false }] };
    expect((await decide('edu', listTask.id, list)).status).toBe(200);
    expect((await decide('edu', (await inboxTask('edu', workflowId)).id)).status).toBe(200);
    expect((await decide('org', (await inboxTask('org', workflowId)).id)).status).toBe(200);

    await eventually(async () => (await s.db.case.findUniqueOrThrow({ where: { id: kase.id } })).status === 'COMPLETED', 'the published round');
    const published = (await api('member', 'GET', `/api/cases/${kase.id}/nominations`)).body.items.map((n: { name: string; status: string; cityPreference: string | null }) => [n.name, n.status, n.cityPreference]);
    expect(published.sort()).toEqual([['赵老师', 'CITY_RECOMMENDED', 'EXCELLENT_HEAD_TEACHER'], ['钱老师', 'DISTRICT_LISTED', null]].sort());
    const rows = await s.db.nomination.findMany({ where: { caseId: kase.id }, orderBy: { nomineeName: 'asc' } });
    expect(rows.map((r) => [r.nomineeName, r.status, r.cityPreference])).toEqual(
      expect.arrayContaining([
        ['赵老师', 'CITY_RECOMMENDED', 'EXCELLENT_HEAD_TEACHER'],
        ['钱老师', 'DISTRICT_LISTED', null],
      ]),
    );
    expect(rows).toHaveLength(2);
  });
});
