// The browser scenario of module UI extensions (docs/ui-extensions.md) against a running engine with
// the sample modules: PRM_BASE_URL=http://localhost:8080 node e2e/extensions.mjs
// deals' pipeline board (drag = workflow transition; a refused move snaps back with the server's
// reason; live updates), partners' health widget in the deal page's sidebar, a fixture module's
// broken widget contained, a new module version changing a widget without a restart, the CSP header.
// Screenshots go to test-results/screenshots/extensions-*.png.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, launch, newPage, signIn } from './browser.mjs';
import { expect, shot, step, summary, ROOT } from './harness.mjs';
import { api, token } from './seed.mjs';
import { buildExtensions } from '../tools/build-extensions.mjs';

const GUARD = 'A deal needs an amount above zero before it is qualified';

const browser = await launch();
const page = await newPage(browser, { width: 1440, height: 900 });
const pageErrors = [];
const cspViolations = [];
page.on('pageerror', (e) => { pageErrors.push(e.message); console.log(`  [page error] ${e.message}`); });
page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });

let t;
const deals = {};
// Unique per run, so the scenario can run again against the same engine.
const RUN = Date.now().toString(36).slice(-5);
const N = {
  a: `Board deal A ${RUN}`, zero: `Board deal zero ${RUN}`, other: `Board deal other ${RUN}`, won: `Board deal won ${RUN}`,
  bob: `Bob board deal ${RUN}`, partner: `Board Partner ${RUN}`, otherPartner: `Other Board Partner ${RUN}`,
};
const column = (stage) => page.locator(`section[data-stage="${stage}"]`);
const card = (name) => page.locator('article[data-deal]', { hasText: name });
const stageOf = async (id) => (await api(BASE, 'GET', `/api/v1/deals/deal/${id}`, t)).stage;

/** Builds the fixture module (optionally changed) and publishes it with its bundle, as alice (platform operator). */
async function publishFixture(version, label) {
  const dir = mkdtempSync(join(tmpdir(), 'prm-extfixture-'));
  try {
    cpSync(join(ROOT, 'e2e/fixtures/extfixture'), dir, { recursive: true });
    const manifest = readFileSync(join(dir, 'module.yaml'), 'utf8').replace(/^version: .*$/m, `version: ${version}`);
    writeFileSync(join(dir, 'module.yaml'), manifest);
    writeFileSync(join(dir, 'ui/hello/label.ts'), `export const LABEL = ${JSON.stringify(label)};\n`);
    const built = await buildExtensions(dir);
    expect(built.ok && built.built, `fixture builds: ${JSON.stringify(built.errors)}`);
    const bundle = readFileSync(built.file, 'utf8');
    await api(BASE, 'POST', '/api/admin/modules', t, { modules: [{ file: 'extfixture/module.yaml', source: manifest, uiBundle: bundle }] });
    return built.hash;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function dealPage(id) {
  await page.goto(`${BASE}/o/deals/deal/${id}`);
  await page.getByRole('heading', { level: 1, name: N.a }).waitFor();
}

try {
  await step('seed a partner and deals for the board', async () => {
    t = await token(BASE, 'alice');
    const partner = await api(BASE, 'POST', '/api/v1/partners/partner', t, { name: N.partner, tier: 'gold', region: 'emea', score: 90 });
    const other = await api(BASE, 'POST', '/api/v1/partners/partner', t, { name: N.otherPartner, tier: 'silver', region: 'amer', score: 40 });
    deals.partner = partner.id;
    for (const [key, name, amount, p] of [['a', N.a, 1000, partner.id], ['zero', N.zero, 0, partner.id],
      ['other', N.other, 500, other.id]]) {
      deals[key] = (await api(BASE, 'POST', '/api/v1/deals/deal', t, { name, amount: { amount, currency: 'EUR' }, partner: p })).id;
    }
    const won = await api(BASE, 'POST', '/api/v1/deals/deal', t, { name: N.won, amount: { amount: 2500, currency: 'EUR' }, partner: partner.id });
    for (const tr of ['qualify', 'propose', 'win']) await api(BASE, 'POST', `/api/v1/deals/deal/${won.id}/transitions/${tr}`, t);
  });

  await step('every page carries the Content-Security-Policy: scripts from this origin only', async () => {
    for (const path of ['/', '/x/deals/pipeline-board', '/api/v1/ui/auth']) {
      const r = await fetch(`${BASE}${path}`, { headers: { Accept: 'text/html' } });
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(/script-src 'self'(;|$)/.test(csp), `${path} has CSP script-src 'self': ${csp}`);
      expect(!/unsafe-eval/.test(csp), `${path}: no unsafe-eval`);
    }
  });

  await step('the pipeline board is a page of deals in the navigation; one column per stage, cards with amount and partner', async () => {
    await signIn(page, 'alice');
    await page.getByRole('navigation', { name: 'Entities' }).getByRole('link', { name: 'Pipeline' }).click();
    await page.waitForURL(/\/x\/deals\/pipeline-board$/);
    await page.getByRole('heading', { level: 1, name: 'Pipeline' }).waitFor();
    await card(N.a).waitFor();
    const stages = await page.locator('section[data-stage]').evaluateAll((s) => s.map((e) => e.getAttribute('data-stage')));
    expect(JSON.stringify(stages) === JSON.stringify(['registered', 'qualified', 'proposal', 'negotiation', 'won', 'lost']), `columns ${stages}`);
    await column('registered').locator('article', { hasText: N.a }).waitFor();
    const text = await card(N.a).innerText();
    expect(text.includes('1,000') && text.includes(N.partner), `card shows amount and partner: ${text}`);
    await column('won').locator('article', { hasText: N.won }).waitFor();
    await shot(page, 'extensions-01-board');
  }, { page });

  await step('dragging a card to the next stage performs the workflow transition', async () => {
    const done = page.waitForResponse((r) => r.url().endsWith(`/api/v1/deals/deal/${deals.a}/transitions/qualify`));
    await card(N.a).dragTo(column('qualified'));
    expect((await done).status() === 200, 'the transition succeeded');
    await column('qualified').locator('article', { hasText: N.a }).waitFor();
    expect(await stageOf(deals.a) === 'qualified', 'the server moved the deal');
    await shot(page, 'extensions-02-moved');
  }, { page });

  await step('a move the guard refuses snaps back with the server’s message', async () => {
    const refused = page.waitForResponse((r) => r.url().includes(`/api/v1/deals/deal/${deals.zero}/transitions/`));
    await card(N.zero).dragTo(column('qualified'));
    expect((await refused).status() >= 400, 'the server refused the transition');
    const alert = page.getByRole('alert').filter({ hasText: GUARD });
    await alert.waitFor();
    await column('registered').locator('article', { hasText: N.zero }).waitFor();
    expect(await column('qualified').locator('article', { hasText: N.zero }).count() === 0, 'the card is not left in the target column');
    expect(await stageOf(deals.zero) === 'registered', 'the deal did not move');
    await shot(page, 'extensions-03-refused');
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }, { page });

  await step('a move without a transition between the stages is refused and snaps back', async () => {
    await card(N.zero).dragTo(column('won'));
    await page.getByRole('alert').filter({ hasText: `${N.zero}: no transition leads from Registered to Closed won` }).waitFor();
    await column('registered').locator('article', { hasText: N.zero }).waitFor();
  }, { page });

  await step('a card moves from the keyboard through its "Move to" menu too', async () => {
    const done = page.waitForResponse((r) => r.url().endsWith(`/api/v1/deals/deal/${deals.other}/transitions/lose`));
    await card(N.other).getByRole('button', { name: `Move ${N.other} to…` }).press('Enter');
    await page.getByRole('menuitem', { name: 'Closed lost' }).press('Enter');
    expect((await done).status() === 200, 'the transition succeeded');
    await column('lost').locator('article', { hasText: N.other }).waitFor();
    await api(BASE, 'POST', `/api/v1/deals/deal/${deals.other}/transitions/reopen`, t);
    await column('registered').locator('article', { hasText: N.other }).waitFor();
  }, { page });

  await step('the board follows the event stream: a transition made elsewhere moves the card', async () => {
    await api(BASE, 'POST', `/api/v1/deals/deal/${deals.a}/transitions/propose`, t);
    await column('proposal').locator('article', { hasText: N.a }).waitFor({ timeout: 15_000 });
  }, { page });

  await step('the board filters by partner and by owner', async () => {
    await page.getByRole('textbox', { name: 'Partner', exact: true }).fill(N.otherPartner);
    await page.getByRole('option', { name: N.otherPartner, exact: true }).click();
    await card(N.other).waitFor();
    await card(N.a).waitFor({ state: 'detached' });
    expect(await page.locator('article[data-deal]').count() === 1, 'only the partner’s deal');
    await page.getByText('Mine', { exact: true }).click();
    await card(N.other).waitFor();
    const bob = await token(BASE, 'bob');
    const bobs = await api(BASE, 'POST', '/api/v1/deals/deal', bob, { name: N.bob, amount: { amount: 10, currency: 'EUR' }, partner: deals.partner });
    expect(!!bobs.id, 'bob created a deal');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await card(N.bob).waitFor();
    await page.getByText('Mine', { exact: true }).click();
    await card(N.bob).waitFor({ state: 'detached' });
    await card(N.a).waitFor();
    await shot(page, 'extensions-03b-filtered-mine');
    await page.getByText('Everyone', { exact: true }).click();
    await card(N.bob).waitFor();
  }, { page });

  await step('the partner health widget sits in the deal page’s sidebar', async () => {
    await dealPage(deals.a);
    const widget = page.getByRole('complementary', { name: 'Related information' }).locator('[data-extension-widget="partners.partner-health"]');
    await widget.getByText('Won total').waitFor();
    await widget.getByText(N.partner).first().waitFor();
    const text = await widget.innerText();
    expect(/Gold/i.test(text) && text.includes('2,500') && text.includes('Open deals'), `tier, won total, open deals: ${text}`);
    await shot(page, 'extensions-04-partner-health');
  }, { page });

  let firstHash;
  await step('a fixture module’s broken widget is contained; its other widget and the page keep working', async () => {
    firstHash = await publishFixture('1.0.0', 'Fixture widget v1');
    await dealPage(deals.a);
    await page.getByText('Fixture widget v1 on urn:prm:deals:deal:', { exact: false }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'extfixture / Broken widget is not available' }).waitFor();
    await page.locator('[data-extension-widget="partners.partner-health"]').getByText('Won total').waitFor();
    await page.getByRole('link', { name: 'Edit' }).waitFor();
    await shot(page, 'extensions-05-broken-contained');
  }, { page });

  await step('publishing a new version changes the widget without restarting the engine', async () => {
    const secondHash = await publishFixture('1.0.1', 'Fixture widget v2');
    expect(secondHash !== firstHash, 'a new bundle has a new hash');
    await dealPage(deals.a);
    await page.getByText('Fixture widget v2 on', { exact: false }).waitFor();
    expect(await page.getByText('Fixture widget v1', { exact: false }).count() === 0, 'the old widget is gone');
    const bundles = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/api/v1/ui/extensions/')));
    expect(bundles.some((u) => u.includes(secondHash)), `the new bundle was loaded: ${bundles}`);
    const r = await fetch(`${BASE}/api/v1/ui/extensions/extfixture/${secondHash}.js`);
    expect(r.headers.get('cache-control') === 'public, max-age=31536000, immutable', `immutable cache: ${r.headers.get('cache-control')}`);
    await shot(page, 'extensions-06-new-version');
  }, { page });

  await step('no Content-Security-Policy violation and no uncaught page error on the way', async () => {
    expect(cspViolations.length === 0, `CSP violations: ${cspViolations.join('\n')}`);
    const unexpected = pageErrors.filter((m) => !m.includes('broken fixture widget failed on purpose'));
    expect(unexpected.length === 0, `page errors: ${unexpected.join('\n')}`);
  });
} finally {
  await browser.close();
}

process.exit(summary({}, 'e2e-extensions-results.json') ? 0 : 1);
