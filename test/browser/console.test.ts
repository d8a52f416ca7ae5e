/**
 * The console in a real browser against the real API, worker, Temporal dev server and database:
 * a member school starts a case, the core school and then EDU approve it from their inboxes; a lost
 * session comes back to the same page; an admin sees an import's dry-run errors. Every page is
 * checked with axe-core and photographed into test-results/screenshots/.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cycleScheduleId } from '../../workflows/cycles/messages.js';
import { approve, expectAccessible, logIn, logOut, openFromInbox, screenshot, useConsoleInBrowser } from '../support/browser.js';
import { call } from '../support/api.js';
import { createTeacher } from '../support/exchange.js';
import { nextSchoolYear } from '../../web/src/lib/school-year.js';
import { fixture, newTag } from '../support/org-data-files.js';
import { TEST_PASSWORD } from '../support/org.js';
import type { Stack } from '../support/stack.js';

let stack: Stack;
let page: Page;
useConsoleInBrowser({ started: (s) => (stack = s), opened: (p) => (page = p) });

const login = (who: keyof Stack['org']['officials']) => stack.org.officials[who].login;

describe('web console', () => {
  it('a member school starts a case; the core school and EDU approve it from their inboxes', { timeout: 240_000 }, async () => {
    const title = `集团内教研活动经费申请 ${stack.org.tag}`;

    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${stack.api.url}/inbox`);
    await page.waitForURL(/\/login\?next=%2Finbox/);
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    // The charts live in the reports page's chunk; the login page must not pay for them.
    expect(scripts.length).toBeGreaterThan(0);
    const bodies = await Promise.all(scripts.map(async (url) => (await fetch(url)).text()));
    // ECharts marks every chart element with this attribute name; no login script contains it.
    expect(bodies.filter((code) => code.includes('_echarts_instance_'))).toEqual([]);
    await screenshot(page, '01-login');
    await expectAccessible(page, 'login');
    await logIn(page, login('member'), TEST_PASSWORD);
    await page.waitForURL(/\/inbox$/);
    await page.getByText('暂无待办').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('学校 m1');
    await screenshot(page, '02-inbox-empty');
    await expectAccessible(page, 'inbox');

    await page.getByRole('menuitem', { name: '发起事项' }).click();
    await page.getByLabel('事项', { exact: true }).fill(title);
    await page.getByLabel('事项说明', { exact: true }).fill('组织集团内三校联合教研活动。');
    await screenshot(page, '03-start-case');
    await expectAccessible(page, 'start case');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop() ?? '';
    await page.getByText('待办理人员 · 集团核心校审核').waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe('办理中');
    await screenshot(page, '04-case-started');
    await expectAccessible(page, 'case page');

    await page.getByRole('menuitem', { name: '我发起的' }).click();
    await page.getByRole('link', { name: title }).waitFor();
    await screenshot(page, '05-started-by-me');
    await expectAccessible(page, 'started by me');
    await logOut(page);

    // The core school: the task is in its inbox; approving takes it out.
    await logIn(page, login('core'), TEST_PASSWORD);
    await page.getByRole('link', { name: title, exact: true }).waitFor();
    await screenshot(page, '06-inbox-core');
    await openFromInbox(page, title);
    expect(await page.getByTestId('my-step').textContent()).toBe('集团核心校审核');
    await screenshot(page, '07-case-decision-form');
    await expectAccessible(page, 'case with decision form');
    await approve(page, '同意，请教育局审批。');
    await page.getByTestId('event-APPROVED').waitFor();
    await page.getByRole('menuitem', { name: '待办' }).click();
    await page.getByText('暂无待办').waitFor();
    expect(await page.getByRole('link', { name: title, exact: true }).count()).toBe(0);
    await page.getByRole('menuitem', { name: '已办' }).click();
    await page.getByRole('link', { name: title }).waitFor();
    await screenshot(page, '08-decided-by-me');
    await expectAccessible(page, 'decided by me');
    await logOut(page);

    // EDU: the task has entered its inbox; its approval ends the case as approved.
    await logIn(page, login('edu'), TEST_PASSWORD);
    await openFromInbox(page, title);
    expect(await page.getByTestId('my-step').textContent()).toBe('区教育局审批');
    await approve(page, '同意。');
    await page.locator('[data-testid="case-status"]', { hasText: '已通过' }).waitFor();
    expect(page.url()).toContain(caseId);
    await screenshot(page, '09-case-approved');
    expect(await stack.db.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } })).toEqual({ status: 'APPROVED' });
  });

  it('a member school nominates a teacher for exchange; it releases the teacher, then the core school and EDU approve', { timeout: 240_000 }, async () => {
    const teacher = await createTeacher(stack.db, stack.org, { schoolId: stack.org.member.id });
    // The directory lists a school official's own teachers only.
    const teachersOf = async (who: 'member' | 'core' | 'edu') => ((await call(stack.api, 'GET', '/api/directory', { token: stack.tokens[who] })).body.teachers as { id: string }[]).map((t) => t.id);
    expect(await teachersOf('member')).toContain(teacher.id);
    expect(await teachersOf('core')).not.toContain(teacher.id);
    expect(await teachersOf('edu')).toEqual([]);
    const inbox = async (who: 'member' | 'core' | 'edu') =>
      ((await call(stack.api, 'GET', '/api/inbox', { token: stack.tokens[who] })).body.items as { caseId: string }[]).some((t) => t.caseId === caseId);

    await page.goto(`${stack.api.url}/login`);
    await logIn(page, login('member'), TEST_PASSWORD);
    await page.getByRole('menuitem', { name: '发起教师交流' }).click();
    await page.getByRole('heading', { name: '发起教师交流' }).waitFor();
    await page.getByLabel('交流教师', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: teacher.staffNo }).click();
    await page.getByLabel('交入学校', { exact: true }).click();
    // Only the other schools of my group are offered.
    const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    // (once the teacher list's dropdown has closed).
    await expect.poll(() => offered.allTextContents()).toEqual(['学校 core']);
    await offered.filter({ hasText: /^学校 core$/ }).click();
    // Checked once the dropdowns have faded out: a half-transparent list fails the contrast rule.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await screenshot(page, '20-nominate-exchange');
    await expectAccessible(page, 'nominate for exchange');
    await page.getByRole('button', { name: '提交提名', exact: true }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop() ?? '';
    const { title, type } = await stack.db.case.findUniqueOrThrow({ where: { id: caseId }, select: { title: true, type: true } });
    expect(type).toBe('TEACHER_EXCHANGE');
    expect(title).toContain(teacher.staffNo);
    await page.getByText('待办理人员 · 派出学校同意').waitFor();

    // A second nomination of the same teacher and year: the API's refusal, in the official's language.
    await page.getByRole('menuitem', { name: '发起教师交流' }).click();
    await page.getByLabel('交流教师', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: teacher.staffNo }).click();
    await page.getByLabel('交入学校', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^学校 core$/ }).click();
    await page.getByRole('button', { name: '提交提名', exact: true }).click();
    await page.locator('.ant-alert-error').getByText('该教师本学年已有交流安排。').waitFor();
    expect(page.url()).toMatch(/\/exchange\/nominate$/);

    // The home school releases its teacher: the task leaves its inbox and enters the core school's.
    await openFromInbox(page, title);
    expect(await page.getByTestId('my-step').textContent()).toBe('派出学校同意');
    await approve(page, '同意派出。');
    await expect.poll(() => inbox('member'), { timeout: 20_000 }).toBe(false);
    await expect.poll(() => inbox('core'), { timeout: 20_000 }).toBe(true);
    await logOut(page);

    await logIn(page, login('core'), TEST_PASSWORD);
    await openFromInbox(page, title);
    expect(await page.getByTestId('my-step').textContent()).toBe('集团核心校审核');
    await approve(page, '同意接收。');
    await page.getByRole('menuitem', { name: '待办' }).click();
    await page.getByText('暂无待办').waitFor();
    await expect.poll(() => inbox('edu'), { timeout: 20_000 }).toBe(true);
    await logOut(page);

    // EDU approves; member to core affects no title points, so HR is not asked and the term waits for its school year.
    await logIn(page, login('edu'), TEST_PASSWORD);
    await openFromInbox(page, title);
    expect(await page.getByTestId('my-step').textContent()).toBe('区教育局审批交流');
    await approve(page, '同意交流。');
    await expect.poll(() => inbox('edu'), { timeout: 20_000 }).toBe(false);
    await expect
      .poll(async () => (await call(stack.api, 'GET', `/api/exchange/terms/${caseId}`, { token: stack.tokens.member })).body.phase, { timeout: 20_000 })
      .toBe('APPROVED');
    expect(await stack.db.teacherExchange.count({ where: { teacherId: teacher.id, toSchoolId: stack.org.core.id } })).toBe(1);
    expect(await stack.db.approvalTask.count({ where: { caseId, state: 'PENDING' } })).toBe(0);
    await page.reload();
    await page.getByText('此事项目前没有需要您办理的环节。').waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe('办理中');
    expect(await page.getByTestId('event-APPROVED').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, '21-exchange-approved');
  });

  it("the core school fills its rotation plan in the task page's table editor", { timeout: 180_000 }, async () => {
    const [mine, theirs] = await Promise.all([createTeacher(stack.db, stack.org, { schoolId: stack.org.core.id }), createTeacher(stack.db, stack.org, { schoolId: stack.org.member.id })]);
    const schoolYear = nextSchoolYear() + 3;
    const started = await call(stack.api, 'POST', '/api/exchange/rotation-plans', { token: stack.tokens.core, body: { groupId: stack.org.group.id, schoolYear } });
    expect(started.status).toBe(201);
    const plan = stack.temporal.workflow.getHandle(started.body.workflowId as string);
    try {
      // The plan's workflow opens its case row.
      await expect.poll(() => stack.db.case.count({ where: { id: started.body.caseId } }), { timeout: 20_000 }).toBe(1);
      const { title } = await stack.db.case.findUniqueOrThrow({ where: { id: started.body.caseId }, select: { title: true } });
      await page.goto(`${stack.api.url}/login`);
      await logIn(page, login('core'), TEST_PASSWORD);
      await openFromInbox(page, title);
      expect(await page.getByTestId('my-step').textContent()).toBe('集团核心校编制年度交流计划');
      expect(await page.getByText('尚不支持').count()).toBe(0);
      const pick = async (label: string, option: string | RegExp) => {
        await page.getByLabel(label, { exact: true }).click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).click();
        await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      };
      // The same teacher twice is refused before anything is sent.
      for (const n of [1, 2]) {
        await page.getByRole('button', { name: '添加一行' }).click();
        await pick(`第${n}行 交流教师`, theirs.staffNo);
        await pick(`第${n}行 交入学校`, /^学校 core$/);
      }
      await page.getByLabel('意见', { exact: true }).fill('本年度交流计划。');
      await page.getByRole('button', { name: '提交', exact: true }).click();
      await page.getByText('同一教师不能重复列入计划').waitFor();
      await pick('第2行 交流教师', mine.staffNo);
      await pick('第2行 交入学校', /^学校 m1$/);
      await page.getByLabel('未达比例说明（选填）').fill('骨干教师承担毕业班教学，本年度少派一人。');
      await screenshot(page, '22-rotation-plan-form');
      await expectAccessible(page, 'rotation plan form');
      await page.getByRole('button', { name: '提交', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
      await page.getByText('此事项目前没有需要您办理的环节。').waitFor();
      await expect.poll(async () => (await call(stack.api, 'GET', `/api/exchange/rotation-plans/${stack.org.group.id}/${schoolYear}`, { token: stack.tokens.edu })).body.entries, { timeout: 20_000 }).toEqual([
        { teacherId: theirs.id, toSchoolId: stack.org.core.id },
        { teacherId: mine.id, toSchoolId: stack.org.member.id },
      ]);
    } finally {
      await plan.terminate('browser test done').catch(() => undefined);
    }
  });

  it('a countersign step shows which units have approved, and a unit lead reassigns a task', { timeout: 180_000 }, async () => {
    const title = `经费会签 ${stack.org.tag}`;
    const started = await call(stack.api, 'POST', '/api/cases', { token: stack.tokens.member, body: { type: 'GENERIC_FUNDING', title } });
    expect(started.status).toBe(201);
    const coreTask = async () => (await call(stack.api, 'GET', '/api/inbox', { token: stack.tokens.core })).body.items.find((t: { caseId: string }) => t.caseId === started.body.id);
    await expect.poll(coreTask, { timeout: 20_000 }).toBeTruthy();
    const decided = await call(stack.api, 'POST', `/api/tasks/${(await coreTask()).id}/decision?wait=true`, { token: stack.tokens.core, body: { requestId: crypto.randomUUID(), action: 'APPROVE' } });
    expect(decided.status).toBe(200);

    await page.goto(`${stack.api.url}/login`);
    await logIn(page, login('fin'), TEST_PASSWORD);
    const row = page.locator('tr', { has: page.getByRole('link', { name: title, exact: true }) });
    await row.getByText('0/2 已同意').waitFor();
    await screenshot(page, '14-inbox-countersign');
    await openFromInbox(page, title);
    await approve(page, '财政局同意。');
    await logOut(page);

    // EDU's lead hands EDU's half of the countersign to a colleague, who then finds it assigned to them.
    await logIn(page, login('eduLead'), TEST_PASSWORD);
    await page.getByRole('link', { name: title, exact: true }).waitFor();
    expect(await page.locator('tr', { has: page.getByRole('link', { name: title, exact: true }) }).getByText('1/2 已同意').count()).toBe(1);
    await openFromInbox(page, title);
    await page.getByLabel('转办给').click();
    // Ant Design keeps a hidden listbox for screen readers; the visible list is what a mouse clicks.
    await page.locator('.ant-select-item-option').filter({ hasText: /^edu2（/ }).click();
    await page.getByRole('button', { name: '转办', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('已转办。').waitFor();
    await page.getByText('此事项目前没有需要您办理的环节。').waitFor();
    await page.getByTestId('event-REASSIGNED').getByText('→ edu2').waitFor();
    await screenshot(page, '15-case-reassigned');
    await expect.poll(async () => (await stack.db.approvalTask.findFirstOrThrow({ where: { caseId: started.body.id, state: 'PENDING' } })).assigneeId).toBe(stack.org.officials.edu2.id);
  });

  it('an official names a delegate for a period, who sees whom they cover for', { timeout: 120_000 }, async () => {
    await page.goto(`${stack.api.url}/delegation`);
    await logIn(page, login('edu'), TEST_PASSWORD);
    await page.getByText('当前没有委托。').waitFor();
    await page.getByLabel('受托人', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^edu2（/ }).click();
    for (const [label, at] of [['开始时间', dayjs().subtract(1, 'hour')], ['结束时间', dayjs().add(7, 'day')]] as const) {
      const input = page.getByLabel(label, { exact: true });
      await input.click();
      await input.fill(at.format('YYYY-MM-DD HH:mm'));
      // One picker's panel closes (animated) before the next opens: wait for it, then for this one.
      const ok = page.locator('.ant-picker-dropdown:visible .ant-picker-ok button');
      await expect.poll(() => ok.count()).toBe(1);
      await ok.click();
      await expect.poll(() => ok.count()).toBe(0);
    }
    await page.getByRole('button', { name: '保存委托' }).click();
    await page.getByText('委托已保存。').waitFor();
    expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    await page.locator('.ant-descriptions-item-content').filter({ hasText: /^edu2（edu2-/ }).waitFor();
    await screenshot(page, '16-delegation-set');
    await expectAccessible(page, 'delegation set');
    await logOut(page);

    await logIn(page, login('edu2'), TEST_PASSWORD);
    await page.getByRole('menuitem', { name: '委托' }).click();
    await page.getByRole('listitem').filter({ hasText: /^edu ·/ }).waitFor();
    await stack.db.delegation.updateMany({ where: { delegatorId: stack.org.officials.edu.id }, data: { revokedAt: new Date() } });
  });

  it('serves the console for its page paths, but not for missing assets or API paths', async () => {
    const html = await fetch(`${stack.api.url}/cases/00000000-0000-4000-8000-000000000000?task=x`);
    expect(html.status).toBe(200);
    expect(html.headers.get('cache-control')).toBe('no-cache');
    expect(await html.text()).toContain('<div id="root"></div>');
    expect((await fetch(`${stack.api.url}/assets/missing.js`)).status).toBe(404);
    const api = await call(stack.api, 'GET', '/api/no-such-thing', { token: stack.tokens.member });
    expect(api).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    const { body: doc } = await call(stack.api, 'GET', '/openapi.json');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/directory', '/api/console-config']));
  });

  it('serves the console and the API docs under the Content-Security-Policy, without inline scripts', { timeout: 60_000 }, async () => {
    const html = await (await fetch(`${stack.api.url}/login`)).text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    // /docs is Swagger UI: it must draw the document (a CSP violation fails every test, see useConsoleInBrowser).
    const docs = await page.goto(`${stack.api.url}/docs`);
    expect(docs?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { name: /GroupFlow API · 集团化办学流程服务接口/ }).waitFor();
    await page.getByText('/api/directory', { exact: true }).first().waitFor();
  });

  it('a scheduler creates, pauses and triggers a yearly schedule', { timeout: 120_000 }, async () => {
    const schedule = stack.temporal.schedule.getHandle(cycleScheduleId('GROUP_ASSESSMENT', stack.org.district.id));
    try {
      await page.goto(`${stack.api.url}/schedules`);
      await logIn(page, login('scheduler'), TEST_PASSWORD);
      await page.getByText('本区还没有年度排程').waitFor();
      await page.getByRole('button', { name: '创建排程：集团年度考核' }).click();
      await page.getByText('排程已创建。').waitFor();
      const row = page.locator('tr', { hasText: '集团年度考核' });
      await row.getByText('运行中').waitFor();

      await row.getByRole('button', { name: '暂停' }).click();
      await page.getByRole('dialog').getByLabel('备注').fill('寒假期间暂停');
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
      await page.getByText('排程已暂停。').waitFor();
      await row.getByText('已暂停').waitFor();
      await row.getByText('寒假期间暂停').waitFor();
      expect((await schedule.describe()).state.paused).toBe(true);

      await row.getByRole('button', { name: '立即执行' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
      await page.getByText('已发起执行。').waitFor();
      await expect.poll(async () => (await schedule.describe()).info.recentActions.length, { timeout: 20_000 }).toBeGreaterThan(0);
      await screenshot(page, '18-schedules');
      await expectAccessible(page, 'schedules');

      // An official of one district sees its coverage as a gauge against the targets.
      await page.getByRole('menuitem', { name: '统计报表' }).click();
      await page.getByRole('cell', { name: '100.0%' }).waitFor();
      await page.locator('canvas').first().waitFor();
      await screenshot(page, '19-dashboard-district');
      await expectAccessible(page, 'dashboard of one district');
    } finally {
      await schedule.delete().catch(() => undefined);
    }
  });

  it('a lost session goes to the login page and back to the same page', { timeout: 120_000 }, async () => {
    await page.goto(`${stack.api.url}/login`);
    await logIn(page, login('edu'), TEST_PASSWORD);
    await page.waitForURL(/\/inbox$/);
    await stack.db.session.deleteMany({ where: { officialId: stack.org.officials.edu.id } });
    await page.goto(`${stack.api.url}/decided`);
    await page.waitForURL(/\/login\?next=%2Fdecided/);
    await logIn(page, login('edu'), TEST_PASSWORD);
    await page.waitForURL(/\/decided$/);
    await page.getByRole('heading', { name: '已办事项' }).waitFor();
  });

  it("shows the API's errors in the language the official chose", { timeout: 60_000 }, async () => {
    // By keyboard alone: the login field has the focus, Tab moves on, Enter submits.
    await page.goto(`${stack.api.url}/login`);
    await page.getByLabel('账号', { exact: true }).waitFor();
    await page.keyboard.type(login('member'));
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('账号或密码错误。').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Login', { exact: true }).fill(login('member'));
    await page.getByLabel('Password', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('alert').getByText('Wrong login or password.').waitFor();
    await screenshot(page, '13-login-error-en');
    await expectAccessible(page, 'login in English');
  });

  it('an admin uploads a file and sees its dry-run errors row by row', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gf-web-'));
    const file = path.join(dir, 'teachers.csv');
    // Teachers of schools that exist neither in the district nor in the file: one error per school column.
    writeFileSync(file, `\uFEFF${fixture('zh', 'teachers', newTag())}`);

    await page.goto(`${stack.api.url}/login`);
    await logIn(page, login('admin'), TEST_PASSWORD);
    await page.getByRole('menuitem', { name: '事项查询' }).click();
    await page.getByRole('heading', { name: '事项查询' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, '10-case-search');
    await expectAccessible(page, 'case search');

    await page.getByRole('menuitem', { name: '组织数据导入' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: '试导入' }).click();
    const report = page.getByTestId('import-report');
    await report.getByText('本区没有此学校编码').first().waitFor();
    expect(await report.getByText('错误', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: '正式导入' }).isDisabled()).toBe(true);
    await screenshot(page, '11-import-dry-run');
    await expectAccessible(page, 'import');

    // The reports page loads the chart chunk on demand.
    const charts = page.waitForResponse(async (r) => r.request().resourceType() === 'script' && (await r.text()).includes('_echarts_instance_'));
    await page.getByRole('menuitem', { name: '统计报表' }).click();
    await charts;
    await page.getByRole('heading', { name: '统计报表' }).waitFor();
    // The test district: both its schools are in one tight group.
    await page.locator('tr', { hasText: stack.org.district.name }).getByRole('cell', { name: '100.0%' }).waitFor();
    await page.locator('canvas').first().waitFor();
    await screenshot(page, '17-dashboard');
    await expectAccessible(page, 'dashboard');

    await page.getByRole('menuitem', { name: '委托' }).click();
    await page.getByRole('heading', { name: '委托办理' }).waitFor();
    await screenshot(page, '12-delegation');
    await expectAccessible(page, 'delegation');
  });
});
