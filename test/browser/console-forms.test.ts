/**
 * The console's editors for the list forms, in a real browser against the real API, worker,
 * Temporal dev server and database: a commendation round (R-AWARD-ANNUAL) — a member school
 * nominates, the core school endorses, EDU lists — and a joining school naming its teachers for
 * the core school (R-EXCH-NEWMEMBER), each reaching its next state; and an administrator's case
 * search by a teacher looked up by staff number. Pages are checked with axe-core and photographed
 * into test-results/screenshots/.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/password.js';
import { schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { nextSchoolYear } from '../../web/src/lib/school-year.js';
import { commendationRoundWorkflowId } from '../../workflows/commendation-round/messages.js';
import { newMemberExchangeStateQuery, newMemberExchangeWorkflowId } from '../../workflows/new-member-exchange/messages.js';
import { call, login } from '../support/api.js';
import { expectAccessible, logIn, logOut, openFromInbox, screenshot, useConsoleInBrowser } from '../support/browser.js';
import { createTeacher } from '../support/exchange.js';
import { createSchool } from '../support/org-cases.js';
import { createTestOrg, TEST_PASSWORD } from '../support/org.js';
import { eventually, removeCycles } from '../support/schedules.js';
import type { Stack } from '../support/stack.js';

let stack: Stack;
let page: Page;
useConsoleInBrowser({ started: (s) => (stack = s), opened: (p) => (page = p) });

/** A pending task of a case, as its official's inbox lists it. */
async function inboxTask(token: string, caseId: string, formKind?: string): Promise<{ id: string; formKind: string | null }> {
  return eventually(async () => {
    const items: { id: string; caseId: string; formKind: string | null }[] = (await call(stack.api, 'GET', '/api/inbox?limit=200', { token })).body.items;
    return items.find((t) => t.caseId === caseId && (formKind === undefined || t.formKind === formKind));
  }, `a task of case ${caseId}`);
}

async function decideByApi(token: string, caseId: string, form?: Record<string, unknown>): Promise<void> {
  const task = await inboxTask(token, caseId);
  const decided = await call(stack.api, 'POST', `/api/tasks/${task.id}/decision?wait=true`, { token, body: { requestId: randomUUID(), action: 'APPROVE', ...(form ? { form } : {}) } });
  expect(decided.status).toBe(200);
}

/** Opens the select labelled `label` and picks the option showing `option`; waits until the list has closed. */
async function pick(label: string, option: string | RegExp): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).click();
  await page.keyboard.press('Escape');
  // A half-transparent list fading out fails the contrast rule, and may swallow the next click.
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** Sends the decision form and confirms it (in the console's language at that moment). */
async function submitDecision(ok = '确定'): Promise<void> {
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  // By its type, not its name: right after a language switch the name was not always found (1 run in 3).
  await page.locator('form button[type="submit"]').filter({ hasText: ok === '确定' ? /提\s*交/ : 'Submit' }).click();
  await page.getByRole('dialog').getByRole('button', { name: ok }).click();
}

const noStepForMe = () => page.getByText('此事项目前没有需要您办理的环节。').waitFor();

describe('list form editors', () => {
  it('R-AWARD-ANNUAL: a member school nominates, the core school endorses and EDU lists in their forms', { timeout: 360_000 }, async () => {
    // Arrange: the round of this district, opened by its schedule; the core school nominates nobody.
    const { org, tokens } = stack;
    const teacher = await createTeacher(stack.db, org, { schoolId: org.member.id });
    const workflowId = commendationRoundWorkflowId(org.district.id, schoolYearOf(new Date(), policyConfig));
    try {
      expect((await call(stack.api, 'POST', '/api/schedules', { token: tokens.scheduler, body: { kind: 'COMMENDATION_ROUND' } })).status).toBe(201);
      expect((await call(stack.api, 'POST', '/api/schedules/COMMENDATION_ROUND/trigger', { token: tokens.scheduler, body: { requestId: randomUUID() } })).status).toBe(202);
      const round = await eventually(() => stack.db.case.findUnique({ where: { workflowId } }), 'the commendation round');
      await decideByApi(tokens.core, round.id, { nominees: [] });

      // The member school: a teacher of the school (the name comes with the choice), and two names typed in.
      await page.goto(`${stack.api.url}/login`);
      await logIn(page, org.officials.member.login, TEST_PASSWORD);
      await openFromInbox(page, round.title);
      expect(await page.getByTestId('my-step').textContent()).toBe('学校推荐表彰人选');
      expect(await page.getByText('尚不支持').count()).toBe(0);
      await page.getByText(`每校最多推荐 ${policyConfig.commendation.maxNomineesPerSchool} 人`).waitFor();
      await page.getByRole('button', { name: '添加推荐人选' }).click();
      await pick('第1位 本校教师（选填）', teacher.staffNo);
      await expect.poll(() => page.getByLabel('第1位 姓名', { exact: true }).inputValue()).toBe(teacher.name);
      await page.getByLabel('第1位 推荐理由', { exact: true }).fill('集团教研牵头人，带教青年教师成效显著。');
      for (const [n, name, reason] of [[2, '钱老师', '交流轮岗成效显著。'], [3, teacher.name, '担任班主任十五年。']] as const) {
        await page.getByRole('button', { name: '添加推荐人选' }).click();
        await page.getByLabel(`第${n}位 姓名`, { exact: true }).fill(name);
        await page.getByLabel(`第${n}位 推荐理由`, { exact: true }).fill(reason);
      }
      // The same person twice is refused before anything is sent.
      await page.getByRole('button', { name: '提交', exact: true }).click();
      await page.getByText('同一人不能重复推荐').waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.getByLabel('第3位 姓名', { exact: true }).fill('孙老师');
      await screenshot(page, '30-nominations-form');

      // A console built for a larger number per school than the API's policy: the API's refusal, in the official's language.
      const tooMany = Array.from({ length: policyConfig.commendation.maxNomineesPerSchool + 1 }, (_, i) => ({ name: `教师${i}`, reason: '贡献突出' }));
      await page.route('**/api/tasks/*/decision*', (route) => route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), form: { nominees: tooMany } }) }));
      await submitDecision();
      await page.locator('.ant-alert-error').getByText('审批表单填写不完整或有误。').waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await submitDecision('OK');
      await page.locator('.ant-alert-error').getByText('The form of this step is incomplete or wrong.').waitFor();
      await page.getByRole('button', { name: '中文' }).click();
      await page.unrouteAll();
      await expectAccessible(page, 'nominations form with the API refusal');
      await submitDecision();
      await noStepForMe();
      await logOut(page);

      // The core school: its group's nominations, with their reasons; it endorses two of three.
      await logIn(page, org.officials.core.login, TEST_PASSWORD);
      await openFromInbox(page, round.title);
      expect(await page.getByTestId('my-step').textContent()).toBe('集团核心校审核推荐人选');
      await page.getByText('担任班主任十五年。').waitFor();
      await page.getByRole('checkbox', { name: new RegExp(teacher.name) }).check();
      await page.getByRole('checkbox', { name: /钱老师/ }).check();
      expect(await page.getByRole('checkbox').count()).toBe(3);
      await screenshot(page, '31-endorsement-form');
      await expectAccessible(page, 'endorsement form');
      await submitDecision();
      await noStepForMe();
      await logOut(page);

      // EDU: only the endorsed nominees, each needing an outcome; a city preference only with a city recommendation.
      await logIn(page, org.officials.edu.login, TEST_PASSWORD);
      await openFromInbox(page, round.title);
      expect(await page.getByTestId('my-step').textContent()).toBe('区级表彰名单及市级推荐');
      const rows = page.getByTestId('district-list-row');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.filter({ hasText: '孙老师' }).count()).toBe(0);
      await page.getByRole('button', { name: '提交', exact: true }).click();
      await page.getByText('请为第1位选择评定结果').waitFor();
      const teacherRow = rows.filter({ hasText: teacher.name });
      const qianRow = rows.filter({ hasText: '钱老师' });
      await qianRow.getByRole('radio', { name: '区级表彰' }).check();
      expect(await qianRow.getByRole('combobox').isDisabled()).toBe(true);
      await teacherRow.getByRole('radio', { name: '推荐市级' }).check();
      await teacherRow.getByRole('combobox').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '最美教师' }).click();
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await screenshot(page, '32-district-list-form');
      await expectAccessible(page, 'district list form');
      await submitDecision();
      await noStepForMe();

      // Assert: the round has moved on to the EDU and ORG countersign, and publishes what the forms said.
      await expect.poll(() => stack.db.approvalTask.count({ where: { caseId: round.id, stepKey: 'commendation-countersign', state: 'PENDING' } }), { timeout: 20_000 }).toBe(2);
      await decideByApi(tokens.edu, round.id);
      await decideByApi(tokens.org, round.id);
      await expect.poll(async () => (await stack.db.case.findUniqueOrThrow({ where: { id: round.id } })).status, { timeout: 20_000 }).toBe('COMPLETED');
      const published = await stack.db.nomination.findMany({ where: { caseId: round.id } });
      expect(published.map((n) => [n.nomineeName, n.status, n.cityPreference, n.teacherId]).sort()).toEqual(
        [
          [teacher.name, 'CITY_RECOMMENDED', 'MOST_BEAUTIFUL_TEACHER', teacher.id],
          ['钱老师', 'DISTRICT_LISTED', null, null],
          ['孙老师', 'NOT_SELECTED', null, null],
        ].sort(),
      );
    } finally {
      await removeCycles(stack.temporal, stack.db, org.district.id);
    }
  });

  it("R-EXCH-NEWMEMBER: a school joining a group names its group's number of its teachers for the core school", { timeout: 240_000 }, async () => {
    // Arrange: a district of its own, so the joining school takes no part in this file's other cases; the group asks 3 teachers.
    const org = await createTestOrg(stack.db);
    await stack.db.educationGroup.update({ where: { id: org.group.id }, data: { newMemberExchangeTeachers: 3 } });
    const school = await createSchool(stack.db, org);
    const official = await stack.db.official.create({
      data: { login: `joining-${org.tag}`, displayName: 'joining', email: `joining-${org.tag}@test.local`, passwordHash: await hashPassword(TEST_PASSWORD), roles: ['OFFICIAL'], schoolId: school.id },
    });
    const teachers = await Promise.all([1, 2, 3, 4].map(() => createTeacher(stack.db, org, { schoolId: school.id })));
    const edu = await login(stack.api, org.officials.edu.login);
    const joined = await call(stack.api, 'POST', '/api/group-changes', { token: edu, body: { kind: 'ADD_MEMBER', groupId: org.group.id, schoolId: school.id } });
    expect(joined.status).toBe(201);
    await decideByApi(edu, joined.body.id);
    const exchange = stack.temporal.workflow.getHandle(newMemberExchangeWorkflowId(org.group.id, school.id));
    try {
      const kase = await eventually(() => stack.db.case.findUnique({ where: { workflowId: exchange.workflowId } }), 'the new member exchange');

      // Act: two teachers are too few for this group; the third completes the list.
      await page.goto(`${stack.api.url}/login`);
      await logIn(page, official.login, TEST_PASSWORD);
      await openFromInbox(page, kase.title);
      expect(await page.getByTestId('my-step').textContent()).toBe('新成员校确定派出教师');
      await page.getByText('须派出 3 名本校教师').waitFor();
      const choose = async (chosen: typeof teachers) => {
        // A multiple choice stays open while teachers are picked; Escape closes it.
        await page.getByLabel('派出教师（3 名）', { exact: true }).click();
        for (const t of chosen) await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: t.staffNo }).click();
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      };
      await choose(teachers.slice(0, 2));
      await page.getByRole('button', { name: '提交', exact: true }).click();
      await page.getByText('请选择 3 名教师（已选 2 名）').waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
      await choose(teachers.slice(2, 3));
      await screenshot(page, '33-new-member-teachers-form');
      await expectAccessible(page, 'new member teachers form');
      await submitDecision();
      await noStepForMe();

      // Assert: the list passed the workflow's check and waits for the core school's confirmation.
      await expect.poll(async () => (await exchange.query(newMemberExchangeStateQuery)).phase, { timeout: 20_000 }).toBe('APPROVING');
      expect((await exchange.query(newMemberExchangeStateQuery)).teacherIds).toEqual(teachers.slice(0, 3).map((t) => t.id));
      const core = await login(stack.api, org.officials.core.login);
      expect(await stack.db.approvalTask.findFirst({ where: { caseId: kase.id, state: 'PENDING' }, select: { stepKey: true } })).toEqual({ stepKey: 'new-member-exchange-group-core' });
      await inboxTask(core, kase.id);
    } finally {
      await exchange.terminate('browser test done').catch(() => undefined);
    }
  });
});

describe('case search by teacher', () => {
  it('an administrator looks a teacher up by staff number and finds and exports only that teacher’s cases', { timeout: 180_000 }, async () => {
    // Arrange: an exchange case for each of two teachers of the member school.
    const [mine, other] = await Promise.all([createTeacher(stack.db, stack.org, { schoolId: stack.org.member.id }), createTeacher(stack.db, stack.org, { schoolId: stack.org.member.id })]);
    const nominate = (teacherId: string) => call(stack.api, 'POST', '/api/exchange/terms', { token: stack.tokens.member, body: { teacherId, toSchoolId: stack.org.core.id, startSchoolYear: nextSchoolYear() } });
    const [wanted, unwanted] = [await nominate(mine.id), await nominate(other.id)];
    expect([wanted.status, unwanted.status]).toEqual([201, 201]);
    try {
      // Act
      await page.goto(`${stack.api.url}/login`);
      await logIn(page, stack.org.officials.admin.login, TEST_PASSWORD);
      await page.getByRole('menuitem', { name: '事项查询' }).click();
      await page.getByRole('heading', { name: '事项查询' }).waitFor();
      await page.getByLabel('教师', { exact: true }).fill(mine.staffNo);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: mine.staffNo }).click();
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await page.getByRole('button', { name: '查询', exact: true }).click();

      // Assert: one row, the chosen teacher's case; the export holds the same.
      await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 20_000 }).toBe(1);
      await page.locator('.ant-table-row').getByRole('link', { name: new RegExp(mine.staffNo) }).waitFor();
      await screenshot(page, '34-case-search-by-teacher');
      await expectAccessible(page, 'case search by teacher');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 CSV' }).click();
      const csv = readFileSync((await (await download).path()) ?? '', 'utf8');
      expect(csv).toContain(wanted.body.caseId);
      expect(csv).not.toContain(unwanted.body.caseId);
      expect(csv.trim().split('\r\n')).toHaveLength(2);
    } finally {
      for (const started of [wanted, unwanted]) await stack.temporal.workflow.getHandle(started.body.workflowId).terminate('browser test done').catch(() => undefined);
    }
  });
});
