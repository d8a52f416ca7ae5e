/**
 * A headless Chromium (Debian's `chromium` package, driven by playwright-core) for the console
 * tests, with axe-core for accessibility and screenshots a reviewer can look at.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { consoleDir, ensureConsoleBuilt } from '../../scripts/build-console.js';
import { startStack, type Stack } from './stack.js';

const SCREENSHOTS = path.resolve('test-results', 'screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The hooks of a browser test file: the built console served by one stack and one Chromium for
 * the file; each test in a browser context of its own (no session or language carried over from
 * another test), and a failing test leaves a picture of where it stopped. A test fails when the
 * browser reports a Content-Security-Policy violation (issue 13 point 6).
 */
export function useConsoleInBrowser(on: { started: (stack: Stack) => void; opened: (page: Page) => void }): void {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let cspViolations: string[];

  beforeAll(async () => {
    await ensureConsoleBuilt();
    stack = await startStack({ consoleDir });
    on.started(stack);
    browser = await launchChromium();
  }, 300_000);

  beforeEach(async () => {
    context = await (browser as Browser).newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    cspViolations = [];
    // Chromium reports each refused script, style or frame as a console error naming the policy.
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    on.opened(page);
  });

  afterEach(async (test) => {
    if (test.task.result?.state === 'fail') await screenshot(page, `failed-${test.task.name.slice(0, 40)}`);
    await context.close();
    expect(cspViolations, 'Content-Security-Policy violations').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
}

/** Fails on any serious or critical axe-core violation of the page as it is now. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // Evaluated through the DevTools protocol, not added as an inline <script>: the console's CSP refuses those.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`,
  )) as { id: string; impact: string; help: string; nodes: string[] }[];
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), `axe on ${name}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('账号', { exact: true }).fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
}

/** Opens a case from the official's inbox (待办) by its title, on the step waiting on them. */
export async function openFromInbox(page: Page, title: string): Promise<void> {
  await page.getByRole('menuitem', { name: '待办' }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByTestId('my-step').waitFor();
}

/** Approves the open step with a comment, confirms, and waits until the step is no longer the official's. */
export async function approve(page: Page, comment: string): Promise<void> {
  // The previous decision's confirmation may still be fading out; a click on it would be lost.
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await page.getByLabel('意见', { exact: true }).fill(comment);
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await page.getByText('此事项目前没有需要您办理的环节。').waitFor();
}
