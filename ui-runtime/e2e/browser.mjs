// What every browser scenario shares: the engine's address, Debian's chromium through playwright-core
// (no browser download), a page with the scenario timeout, and the dev sign-in.
import { chromium } from 'playwright-core';

export const BASE = process.env.PRM_BASE_URL ?? 'http://localhost:8080';
export const TIMEOUT = Number(process.env.PRM_E2E_TIMEOUT ?? 20_000);
const CHROMIUM = process.env.PRM_CHROMIUM ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page in a fresh context (its own storage: its own signed-in user), page errors logged. */
export async function newPage(browser, { width = 1280, height = 800, acceptDownloads = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`  [page error] ${e.message}`));
  return page;
}

/** Signs in on the dev sign-in page and waits for the home page's greeting. */
export async function signIn(page, username) {
  await page.goto(`${BASE}/`);
  await page.getByRole('button', { name: `Sign in as ${username}` }).click();
  await page.getByRole('heading', { name: `Welcome, ${username}` }).waitFor();
}
