/**
 * First load of the built console on localhost: a fresh headless Chromium (no cache) opens the
 * login page served by the API's own static route, five times; prints the median time until the
 * login form is usable and the scripts the page loaded, next to the chunks it did not load.
 * `npx tsx bench/console-load.ts` (needs Debian's chromium, or CHROMIUM_PATH).
 */
import { readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { consoleRoutes } from '../api/console.js';
import { consoleDir, ensureConsoleBuilt } from '../scripts/build-console.js';
import { launchChromium } from '../test/support/browser.js';

await ensureConsoleBuilt();
const app = express().use(consoleRoutes(consoleDir));
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/login`;

const browser = await launchChromium();
const times: number[] = [];
let loaded = new Set<string>();
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('requestfinished', (r) => {
    if (r.resourceType() === 'script') scripts.add(path.basename(new URL(r.url()).pathname));
  });
  const t0 = performance.now();
  await page.goto(url);
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  times.push(performance.now() - t0);
  loaded = scripts;
  await context.close();
}
await browser.close();
server.close();

const kb = (file: string) => statSync(path.join(consoleDir, 'assets', file)).size / 1024;
const all = readdirSync(path.join(consoleDir, 'assets')).filter((f) => f.endsWith('.js'));
const sum = (files: string[]) => files.reduce((n, f) => n + kb(f), 0).toFixed(0);
times.sort((a, b) => a - b);
console.log(`login page usable (goto → login button visible), cold cache, 5 runs: median ${times[2]?.toFixed(0)} ms, min ${times[0]?.toFixed(0)} ms, max ${times[4]?.toFixed(0)} ms`);
console.log(`scripts loaded by the login page: ${loaded.size} files, ${sum([...loaded])} KiB uncompressed: ${[...loaded].join(', ')}`);
const rest = all.filter((f) => !loaded.has(f));
console.log(`chunks not loaded by the login page: ${rest.length} files, ${sum(rest)} KiB`);
for (const f of rest.sort((a, b) => kb(b) - kb(a)).slice(0, 8)) console.log(`  ${f} ${kb(f).toFixed(0)} KiB`);
