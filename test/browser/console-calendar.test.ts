/**
 * The working-day calendar in the console (issue 14 point 1): an EDU administrator is warned on
 * every page while next year's holidays are missing (from 1 October), follows the banner to the
 * calendar page and enters a year as CSV lines. Uses a year no other test counts deadlines in.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { calendarCoverage } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { createCalendarStore } from '../../prisma/calendar.js';
import { expectAccessible, logIn, screenshot, useConsoleInBrowser } from '../support/browser.js';
import { TEST_PASSWORD } from '../support/org.js';
import type { Stack } from '../support/stack.js';

const YEAR = 2043;
let stack: Stack;
let page: Page;
useConsoleInBrowser({ started: (s) => (stack = s), opened: (p) => (page = p) });

const addedVersions: number[] = [];

afterAll(async () => {
  await stack?.db.calendarYear.deleteMany({ where: { year: YEAR } });
  await stack?.db.policyVersion.deleteMany({ where: { version: { in: addedVersions } } });
});

describe('working-day calendar and policy pages', () => {
  it('an EDU administrator sees the missing year on every page and enters a year from the calendar page', { timeout: 120_000 }, async () => {
    // Arrange
    const template = await stack.db.official.findUniqueOrThrow({ where: { id: stack.org.officials.edu.id } });
    const admin = await stack.db.official.create({ data: { login: `edu-admin-${stack.org.tag}`, displayName: '教育局管理员', email: `edu-admin-${stack.org.tag}@test.local`, passwordHash: template.passwordHash, roles: ['ADMIN'], unitId: stack.org.units.edu.id } });
    const coverage = calendarCoverage(new Date(), await createCalendarStore(stack.db, policyConfig.utcOffsetMinutes).load(), policyConfig.utcOffsetMinutes);

    // Act
    await page.goto(`${stack.api.url}/inbox`);
    await logIn(page, admin.login, TEST_PASSWORD);
    await page.waitForURL(/\/inbox$/);

    // Assert: the banner is there exactly when the calendar says a year is missing.
    if (coverage.warning) {
      const banner = page.getByTestId('calendar-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain(`${coverage.missingYears.join('、')} 年节假日与调休安排尚未录入`);
      await screenshot(page, 'calendar-01-banner');
      await page.getByRole('button', { name: '前往录入' }).click();
    } else {
      expect(await page.getByTestId('calendar-banner').count()).toBe(0);
      await page.getByRole('menuitem', { name: '工作日历' }).click();
    }
    await page.waitForURL(/\/calendar$/);
    await page.getByTestId('calendar-coverage').waitFor();

    await page.getByLabel('年份').fill(String(YEAR));
    await page.getByText(`${YEAR} 年尚未录入。`).waitFor();
    await page.getByLabel(`${YEAR} 年节假日与调休（每行：日期,类型,名称）`).fill(`${YEAR}-01-01,休,元旦\n${YEAR}-01-05,休,元旦\n${YEAR}-02-05,班,春节`);
    await page.getByRole('button', { name: '保存并重算截止时间' }).click();
    // 2043-02-05 is a Thursday: refused, nothing saved, the line named.
    await page.getByText('第 3 行 2043-02-05：调休上班日应为周六或周日').waitFor();
    expect(await stack.db.calendarYear.count({ where: { year: YEAR } })).toBe(0);
    await page.getByLabel(`${YEAR} 年节假日与调休（每行：日期,类型,名称）`).fill(`${YEAR}-01-01,休,元旦\n${YEAR}-01-05,休,元旦\n${YEAR}-02-07,班,春节`);
    await page.getByRole('button', { name: '保存并重算截止时间' }).click();
    await page.getByText(`已保存 ${YEAR} 年：节假日 2 天、调休上班 1 天；在办事项的截止时间正在重算。`).waitFor();
    await page.getByRole('cell', { name: String(YEAR), exact: true }).waitFor();
    expect(await stack.db.calendarDay.findMany({ where: { year: YEAR }, orderBy: { date: 'asc' }, select: { date: true, kind: true } })).toEqual([
      { date: `${YEAR}-01-01`, kind: 'HOLIDAY' },
      { date: `${YEAR}-01-05`, kind: 'HOLIDAY' },
      { date: `${YEAR}-02-07`, kind: 'WORKING_DAY' },
    ]);
    await screenshot(page, 'calendar-02-page');
    await expectAccessible(page, 'calendar');
  });

  it('an EDU lead sets a shorter exchange term from a coming date on the policy page (issue 14 point 2)', { timeout: 120_000 }, async () => {
    // Arrange
    await page.goto(`${stack.api.url}/inbox`);
    await page.evaluate('localStorage.clear()');
    await page.goto(`${stack.api.url}/inbox`);
    await logIn(page, stack.org.officials.eduLead.login, TEST_PASSWORD);
    await page.waitForURL(/\/inbox$/);

    // Act
    await page.getByRole('menuitem', { name: '政策参数' }).click();
    await page.getByText('当前生效：第 1 版').waitFor();
    await page.getByLabel('exchange.termSchoolYears', { exact: true }).fill('2');
    await page.getByLabel('生效日期').fill('2046-09-01');
    await page.getByLabel('生效日期').press('Enter');
    await page.getByLabel('说明').fill('交流期限调整为两学年');
    await page.getByRole('button', { name: '保存为新版本（1 项修改）' }).click();
    await page.getByText(/已保存为第 \d+ 版。/).waitFor();

    // Assert
    const added = await stack.db.policyVersion.findFirstOrThrow({ where: { createdById: stack.org.officials.eduLead.id }, orderBy: { version: 'desc' } });
    addedVersions.push(added.version);
    expect((added.config as { exchange: { termSchoolYears: number } }).exchange.termSchoolYears).toBe(2);
    expect(added.effectiveFrom).toEqual(new Date('2046-09-01T00:00:00+08:00'));
    await screenshot(page, 'policy-01-page');
    await expectAccessible(page, 'policy');
  });
});
