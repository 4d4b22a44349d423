// Phone and tablet checks and the screenshot tour of the browser scenario (run.mjs): every page at
// desktop and phone size goes to test-results/screenshots/pages-*.png, to be looked at.
import { expect, shot } from './harness.mjs';

export const PHONE = { width: 390, height: 844 };
export const TABLET = { width: 768, height: 1024 };
export const DESKTOP = { width: 1440, height: 900 };

/** A signed-in page of its own context at the given size. */
export async function pageAt(browser, base, size, username = 'alice', timeout = 20_000) {
  const context = await browser.newContext({ viewport: size });
  context.setDefaultTimeout(timeout);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`  [page error ${size.width}px] ${e.message}`));
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: `Sign in as ${username}` }).click();
  await page.getByRole('heading', { name: `Welcome, ${username}` }).waitFor();
  return page;
}

/** The page is no wider than the screen: nothing makes the document scroll sideways. */
export async function fitsTheScreen(page, what) {
  const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(m.scroll <= m.viewport, `${what} at ${m.viewport}px: document is ${m.scroll}px wide`);
}

/** The element is shown, has a width, and lies inside the screen horizontally. */
export async function onScreen(page, locator, what) {
  await locator.waitFor();
  const box = await locator.boundingBox();
  const width = page.viewportSize().width;
  expect(box && box.width > 20 && box.x >= 0 && box.x + box.width <= width + 0.5,
    `${what} is on screen at ${width}px: ${JSON.stringify(box)}`);
}

/** List, detail and form of partners at one size: no sideways scroll; title and New reachable. */
export async function checkLayouts(page, base, partnerId, label) {
  await page.goto(`${base}/o/partners/partner`);
  const title = page.getByRole('heading', { name: 'Partners', level: 1 });
  await onScreen(page, title, `${label}: the list title`);
  await onScreen(page, page.getByRole('link', { name: 'New Partner' }), `${label}: New Partner`);
  await page.locator('[aria-label="Partners"] a').first().waitFor();
  await fitsTheScreen(page, `${label} list`);
  await page.goto(`${base}/o/partners/partner/${partnerId}`);
  await onScreen(page, page.getByRole('heading', { level: 1 }), `${label}: the record title`);
  await onScreen(page, page.getByRole('link', { name: 'Edit' }), `${label}: Edit`);
  await page.getByRole('region', { name: 'History' }).waitFor();
  await fitsTheScreen(page, `${label} detail`);
  await page.goto(`${base}/o/partners/partner/${partnerId}/edit`);
  await onScreen(page, page.getByRole('button', { name: 'Save' }), `${label}: Save`);
  await fitsTheScreen(page, `${label} form`);
}

/** Every page of the runtime, each at desktop and phone size. */
export async function screenshotTour(browser, base, ids) {
  const pages = [
    ['home', '/', (p) => p.getByRole('heading', { name: 'Welcome, alice' })],
    ['partner-list', '/o/partners/partner', (p) => p.locator('[aria-label="Partners"] a').first()],
    ['partner-detail', `/o/partners/partner/${ids.partner}`, (p) => p.getByRole('region', { name: 'History' }).getByText('alice').first()],
    ['partner-form', `/o/partners/partner/${ids.partner}/edit`, (p) => p.getByRole('button', { name: 'Save' })],
    ['partner-new', '/o/partners/partner/new', (p) => p.getByRole('button', { name: 'Create Partner' })],
    ['recycle-bin', '/o/partners/partner?bin=1', (p) => p.getByRole('heading', { name: 'Partners: recycle bin' })],
    ['deal-list', '/o/deals/deal', (p) => p.locator('[aria-label="Deals"] a').first()],
    ['deal-detail', `/o/deals/deal/${ids.deal}`, (p) => p.getByRole('region', { name: 'Partner', exact: true }).getByRole('link').first()],
    ['organization-list', '/o/organizations/organization', (p) => p.locator('[aria-label="Organizations"] a').first()],
    ['search', '/search?q=E2E', (p) => p.getByRole('region', { name: 'Partners' })],
    ['activity', '/activity', (p) => p.getByRole('list', { name: 'Activity' })],
  ];
  for (const [size, label] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const page = await pageAt(browser, base, size);
    for (const [name, path, ready] of pages) {
      await page.goto(`${base}${path}`);
      await ready(page).waitFor();
      await page.waitForTimeout(300); // let late images of references and badges settle
      await fitsTheScreen(page, `${name} (${label})`);
      await shot(page, `pages-${name}-${label}`);
    }
    await page.context().close();
  }
}
