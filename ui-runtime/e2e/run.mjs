// The browser scenario of the web runtime against a running engine with the sample modules:
// PRM_BASE_URL=http://localhost:8080 node e2e/run.mjs
// Drives Debian's chromium through playwright-core (no browser download). Exit code 0 only
// when every step passed.
import { readFileSync } from 'node:fs';
import { BASE, TIMEOUT, launch, newPage as openPage, signIn } from './browser.mjs';
import { axeCheck, expect, shot, step, summary } from './harness.mjs';
import { seed, api, token } from './seed.mjs';
import { PHONE, TABLET, checkLayouts, pageAt, screenshotTour } from './layouts.mjs';


const browser = await launch();
const metrics = {};

const newPage = () => openPage(browser, { acceptDownloads: true });

const rows = (page, label) => page.locator(`table[aria-label="${label}"] tbody tr:not([aria-hidden])`);

async function pick(page, inputName, option, scope = page) {
  await scope.getByRole('textbox', { name: inputName, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

let data;
let partnerId;
let dealId;
const page = await newPage();

try {
  await step('seed data through the API', async () => {
    data = await seed(BASE);
    expect(data.partners >= 57, `seeded ${data.partners} partners`);
  });

  await step('sign in as alice from the dev sign-in page', async () => {
    await page.goto(`${BASE}/o/partners/partner`);
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await shot(page, '01-sign-in');
    await page.getByRole('button', { name: 'Sign in as alice' }).click();
    await page.waitForURL(/\/o\/partners\/partner$/);
    await page.getByRole('heading', { name: 'Partners', level: 1 }).waitFor();
  }, { page });

  await step('navigate from the shell and see the home page', async () => {
    await page.getByRole('link', { name: 'PRM OS' }).click();
    await page.getByRole('heading', { name: 'Welcome, alice' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Entities' });
    for (const label of ['Partners', 'Organizations', 'Deals']) {
      expect(await nav.getByRole('link', { name: label }).count() === 1, `navigation lists ${label}`);
    }
    await shot(page, '02-home');
    await nav.getByRole('link', { name: 'Deals' }).click();
    await page.getByRole('heading', { name: 'Deals', level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Welcome, alice' }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { name: 'Deals', level: 1 }).waitFor();
  }, { page });

  await step('list page renders 50 rows first, then loads more (time to first render measured)', async () => {
    await page.goto(`${BASE}/o/partners/partner`);
    await rows(page, 'Partners').nth(49).waitFor();
    const t = await page.evaluate(() => {
      const mark = performance.getEntriesByName('prm:first-list-rendered')[0];
      const nav = performance.getEntriesByType('navigation')[0];
      return { firstListRender: mark?.startTime, domContentLoaded: nav?.domContentLoadedEventEnd };
    });
    metrics.firstListRenderMs = Math.round(t.firstListRender);
    metrics.domContentLoadedMs = Math.round(t.domContentLoaded);
    console.log(`  time to first render of the partner list (50 rows): ${metrics.firstListRenderMs} ms after navigation start`);
    expect(await rows(page, 'Partners').count() === 50, 'first page has 50 rows');
    expect(await page.getByRole('columnheader', { name: /Score/ }).count() === 1, 'Score column from metadata');
    await shot(page, '03-partner-list');
    await page.getByRole('button', { name: 'Load more' }).click();
    await rows(page, 'Partners').nth(50).waitFor();
    expect(await rows(page, 'Partners').count() > 50, 'load more adds the next page');
  }, { page });

  await step('axe: list page has no serious violations', async () => {
    await axeCheck(page, 'list');
  }, { page, continueOnFailure: true });

  await step('sort by clicking a header', async () => {
    await page.getByRole('button', { name: 'Sort by Name' }).click();
    await page.waitForURL(/sort=name/);
    await page.locator('th[aria-sort="ascending"]').waitFor();
    const first = await rows(page, 'Partners').first().locator('td').nth(1).innerText();
    expect(first.startsWith('Bulk A'), `ascending by name starts with Bulk A, got ${first}`);
  }, { page });

  await step('create a partner through the form, with a validation error first', async () => {
    await page.getByRole('link', { name: 'New Partner' }).click();
    await page.getByRole('heading', { name: 'New Partner' }).waitFor();
    await shot(page, '04-partner-form');
    await axeCheck(page, 'form');
    await page.getByRole('textbox', { name: 'Score', exact: true }).fill('150');
    await page.getByRole('button', { name: 'Create Partner' }).click();
    await page.getByText('Name is required').waitFor();
    await page.getByText('Must be at most 100').waitFor();
    await shot(page, '05-partner-form-errors');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('E2E Northwind');
    await pick(page, 'Tier', 'Gold');
    await pick(page, 'Region', 'EMEA');
    await page.getByRole('textbox', { name: 'Score', exact: true }).fill('87');
    await page.getByRole('textbox', { name: 'Organization', exact: true }).fill('Globex');
    await page.getByRole('option', { name: 'Globex Corp', exact: true }).click();
    await page.getByRole('textbox', { name: 'Annual target', exact: true }).fill('5000');
    await page.getByRole('button', { name: 'Create Partner' }).click();
    await page.getByRole('heading', { name: 'E2E Northwind', level: 1 }).waitFor();
    partnerId = page.url().split('/').pop();
    const org = page.locator('dd[data-field="organization"]').getByRole('link', { name: 'Globex Corp' });
    expect(await org.count() === 1, 'the organization shows as a link with its display name');
    const tier = page.locator('dd[data-field="tier"] .mantine-Badge-root');
    expect(await tier.getAttribute('data-color') === 'yellow', 'the tier shows as a badge in the colour of its dictionary value');
    const saved = await api(BASE, 'GET', `/api/v1/partners/partner/${partnerId}`, await token(BASE, 'alice'));
    expect(saved.tier === 'gold' && saved.score === 87 && saved.annual_target?.currency === 'EUR', `saved ${JSON.stringify(saved)}`);
  }, { page });

  await step('detail page shows related deals and the open-deals slot widget', async () => {
    const t = await token(BASE, 'alice');
    // The stage follows the deal workflow: both start registered, one is closed as lost.
    for (const name of ['E2E deal open', 'E2E deal lost']) {
      const deal = await api(BASE, 'POST', '/api/v1/deals/deal', t, { name, amount: { amount: 1000, currency: 'EUR' }, partner: partnerId });
      if (name.endsWith('open')) dealId = deal.id;
      if (name.endsWith('lost')) await api(BASE, 'POST', `/api/v1/deals/deal/${deal.id}/transitions/lose`, t);
    }
    await page.reload();
    const related = page.getByRole('region', { name: 'Deals', exact: true });
    await related.getByRole('link', { name: 'E2E deal lost' }).waitFor();
    expect(await related.getByRole('link', { name: 'E2E deal open' }).count() === 1, 'related list shows both deals');
    const slot = page.getByRole('region', { name: 'Open deals', exact: true });
    await slot.getByRole('link', { name: 'E2E deal open' }).waitFor();
    expect(await slot.getByRole('link', { name: 'E2E deal lost' }).count() === 0, 'the slot filter hides closed deals');
    await shot(page, '06-partner-detail');
  }, { page });

  await step('axe: detail page has no serious violations', async () => {
    await axeCheck(page, 'detail');
  }, { page, continueOnFailure: true });

  await step('a deal shows its partner in the summary-card slot', async () => {
    await page.getByRole('region', { name: 'Deals', exact: true }).getByRole('link', { name: 'E2E deal open' }).click();
    const card = page.getByRole('region', { name: 'Partner', exact: true });
    await card.getByRole('link', { name: 'E2E Northwind' }).waitFor();
    await shot(page, '07-deal-detail');
    await page.goBack();
    await page.getByRole('heading', { name: 'E2E Northwind', level: 1 }).waitFor();
  }, { page });

  await step('find the partner with the filter builder', async () => {
    await page.goto(`${BASE}/o/partners/partner`);
    await rows(page, 'Partners').first().waitFor();
    await page.getByRole('button', { name: 'Filter' }).click();
    const group = page.getByRole('group', { name: 'Filter conditions' });
    await pick(page, 'Field of condition 1', 'Name', group);
    await pick(page, 'Operator of condition 1', 'contains', group);
    await group.getByRole('textbox', { name: 'Value for Name' }).fill('E2E North');
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.waitForURL(/filter=name\+contains/);
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Partners"] tbody tr').length === 1);
    expect((await rows(page, 'Partners').first().innerText()).includes('E2E Northwind'), 'the filtered list shows the new partner');
    const chips = page.getByRole('group', { name: 'Applied filters' });
    expect(await chips.getByText('Name contains E2E North').count() === 1, 'the applied filter reads as a chip');
    await shot(page, '08-partner-list-filtered');
  }, { page });

  await step('export the filtered list as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length === 2, `header and one row, got ${lines.length}: ${csv.slice(0, 300)}`);
    expect(lines[1].includes('E2E Northwind'), `the row is the partner: ${lines[1]}`);
    expect(/name/i.test(lines[0]), `header names the columns: ${lines[0]}`);
  }, { page, continueOnFailure: true });

  await step('edit the partner; a concurrent change opens the conflict dialog; overwrite', async () => {
    await page.goto(`${BASE}/o/partners/partner/${partnerId}`);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit E2E Northwind' }).waitFor();
    await page.getByRole('textbox', { name: 'Score', exact: true }).fill('90');
    const t = await token(BASE, 'alice');
    const current = await api(BASE, 'GET', `/api/v1/partners/partner/${partnerId}`, t);
    await api(BASE, 'PATCH', `/api/v1/partners/partner/${partnerId}`, t, { region: 'apac' }, { 'If-Match': `"${current.version}"` });
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'This record was changed meanwhile' });
    await dialog.waitFor();
    await dialog.getByTestId('conflict-authors').getByText(/^alice saved a newer version/).waitFor();
    const changed = await dialog.getByRole('table', { name: 'Changed fields' }).innerText();
    expect(/Region\s+APAC\s+unchanged/.test(changed) && /Score\s+87\s+90/.test(changed), `the dialog shows what differs: ${changed}`);
    await shot(page, '09-conflict-dialog');
    await dialog.getByRole('button', { name: 'Overwrite' }).click();
    await page.getByRole('heading', { name: 'E2E Northwind', level: 1 }).waitFor();
    await page.locator('dd[data-field="score"]', { hasText: '90' }).waitFor();
    const saved = await api(BASE, 'GET', `/api/v1/partners/partner/${partnerId}`, t);
    expect(saved.score === 90 && saved.region === 'apac', `both changes kept: ${JSON.stringify(saved)}`);
  }, { page });

  await step('bulk-update two records', async () => {
    await page.goto(`${BASE}/o/partners/partner`);
    await page.getByRole('textbox', { name: 'Search Partners' }).fill('Bulk');
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Partners"] tbody tr').length === 2);
    await page.getByRole('checkbox', { name: 'Select Bulk A' }).check();
    await page.getByRole('checkbox', { name: 'Select Bulk B' }).check();
    await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Update field…' }).click();
    const dialog = page.getByRole('dialog');
    await pick(page, 'Field', 'Region', dialog);
    await pick(page, 'New value', 'APAC', dialog);
    await dialog.getByRole('button', { name: 'Update 2' }).click();
    await page.getByText('2 Partners updated').waitFor();
    const t = await token(BASE, 'alice');
    const page1 = await api(BASE, 'GET', `/api/v1/partners/partner?filter=${encodeURIComponent("name startsWith 'Bulk'")}`, t);
    expect(page1.items.length === 2 && page1.items.every((p) => p.region === 'apac'), `both in APAC: ${JSON.stringify(page1.items.map((p) => p.region))}`);
  }, { page });

  await step('import partners from CSV: map columns, check, import, see the row that failed', async () => {
    await page.goto(`${BASE}/o/partners/partner`);
    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import Partners from CSV' });
    const csv = 'Name,Tier,Partner types,Score,Annual target (amount),Annual target (currency)\r\n'
      + 'Imported One,Gold,reseller|referral,10,2500,USD\r\nImported Two,diamond,,20,,\r\n';
    await dialog.locator('input[type=file]').setInputFiles({ name: 'partners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('table', { name: 'Column mapping' }).waitFor();
    const tierTarget = await dialog.getByRole('textbox', { name: 'Field for column Tier' }).inputValue();
    expect(tierTarget === 'Tier', `the Tier column maps to Tier by its label, got ${tierTarget}`);
    await shot(page, '10-import-mapping');
    await dialog.getByRole('button', { name: 'Check' }).click();
    await dialog.getByText('2 rows: 1 valid, 1 with errors').waitFor();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('2 rows: 1 created, 1 with errors').waitFor();
    const report = await dialog.getByRole('table', { name: 'Rows with errors' }).innerText();
    expect(report.includes('2') && /tier/i.test(report), `the report names row 2 and its tier: ${report}`);
    await shot(page, '11-import-report');
    const t = await token(BASE, 'alice');
    const found = await api(BASE, 'GET', `/api/v1/partners/partner?filter=${encodeURIComponent("name startsWith 'Imported'")}`, t);
    expect(found.items.length === 1 && found.items[0].tier === 'gold' && found.items[0].annual_target?.currency === 'USD'
      && found.items[0].types?.length === 2, `one partner imported with its values: ${JSON.stringify(found.items)}`);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
  }, { page, continueOnFailure: true });

  await step('save the current list as a view and open it again', async () => {
    await page.goto(`${BASE}/o/partners/partner?filter=${encodeURIComponent("region eq 'apac'")}&sort=name&cols=name,region,tier`);
    await rows(page, 'Partners').first().waitFor();
    await page.getByRole('button', { name: /^View:/ }).click();
    await page.getByRole('menuitem', { name: 'Save as new view…' }).click();
    await page.getByRole('textbox', { name: 'View name' }).fill('APAC partners');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'View: APAC partners' }).waitFor();
    await page.goto(`${BASE}/o/partners/partner`);
    await page.getByRole('button', { name: 'View: All records' }).click();
    await page.getByRole('menuitem', { name: 'APAC partners' }).click();
    await page.waitForURL(/region\+eq/);
    // The URL changes before the table re-renders with the view's columns: wait for them.
    let headers = await page.getByRole('columnheader').count();
    for (const deadline = Date.now() + 10_000; headers !== 4 && Date.now() < deadline;) {
      await page.waitForTimeout(100);
      headers = await page.getByRole('columnheader').count();
    }
    expect(headers === 4, `the view brings back its three columns (plus the selection column), got ${headers}`);
  }, { page, continueOnFailure: true });

  await step('delete the partner, then restore it with Undo', async () => {
    await page.goto(`${BASE}/o/partners/partner/${partnerId}`);
    await page.getByRole('heading', { name: 'E2E Northwind', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/\/o\/partners\/partner$/);
    const t = await token(BASE, 'alice');
    const gone = await fetch(`${BASE}/api/v1/partners/partner/${partnerId}`, { headers: { Authorization: `Bearer ${t}` } });
    expect(gone.status === 404, `deleted record answers 404, got ${gone.status}`);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { name: 'E2E Northwind', level: 1 }).waitFor();
    const back = await fetch(`${BASE}/api/v1/partners/partner/${partnerId}`, { headers: { Authorization: `Bearer ${t}` } });
    expect(back.status === 200, `restored record answers 200, got ${back.status}`);
  }, { page });

  await step('restore a deleted record from the recycle bin', async () => {
    const t = await token(BASE, 'alice');
    const victim = (await api(BASE, 'GET', `/api/v1/partners/partner?filter=${encodeURIComponent("name eq 'Seed partner 01'")}`, t)).items[0];
    await api(BASE, 'DELETE', `/api/v1/partners/partner/${victim.id}`, t);
    await page.goto(`${BASE}/o/partners/partner`);
    await page.getByRole('button', { name: 'Recycle bin' }).click();
    await page.getByRole('heading', { name: 'Partners: recycle bin' }).waitFor();
    await page.getByRole('checkbox', { name: 'Select Seed partner 01' }).check();
    await shot(page, '12-recycle-bin');
    await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Restore' }).click();
    await page.getByText('1 Partner restored').waitFor();
    const back = await fetch(`${BASE}/api/v1/partners/partner/${victim.id}`, { headers: { Authorization: `Bearer ${t}` } });
    expect(back.status === 200, `restored from the bin, got ${back.status}`);
  }, { page, continueOnFailure: true });

  await step('quick find jumps to a record', async () => {
    await page.getByRole('textbox', { name: 'Quick find' }).fill('Seed partner 07');
    await page.getByRole('option', { name: /^Seed partner 07/ }).click();
    await page.getByRole('heading', { name: 'Seed partner 07', level: 1 }).waitFor();
  }, { page, continueOnFailure: true });

  await step('history timeline, activity feed and full-text search with snippets', async () => {
    await page.goto(`${BASE}/o/partners/partner/${partnerId}`);
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('alice changed 1 field').first().waitFor();
    expect((await history.innerText()).includes('Score'), 'the timeline names the changed field');
    await page.getByRole('link', { name: 'Activity' }).click();
    const feed = page.getByRole('list', { name: 'Activity' });
    await feed.getByRole('link', { name: /^E2E Northwind/ }).first().waitFor();
    await page.getByRole('textbox', { name: 'Quick find' }).fill('E2E North');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=E2E/);
    const hits = page.getByRole('region', { name: 'Partners' });
    await hits.getByRole('link', { name: /^E2E Northwind/ }).waitFor();
    expect(await hits.locator('mark').count() > 0, 'the snippet marks the matched words');
    await shot(page, '15-search');
  }, { page, continueOnFailure: true });

  await step('phone (390) and tablet (768): no sideways scroll, title and New visible, detail and form usable', async () => {
    for (const [size, label] of [[PHONE, 'phone'], [TABLET, 'tablet']]) {
      const small = await pageAt(browser, BASE, size, 'alice', TIMEOUT);
      await checkLayouts(small, BASE, partnerId, label);
      if (size === PHONE) {
        await small.goto(`${BASE}/o/partners/partner`);
        await small.getByRole('list', { name: 'Partners' }).getByRole('listitem').first().waitFor();
        await axeCheck(small, 'list-phone');
      }
      await small.context().close();
    }
  }, { page, continueOnFailure: true });

  await step('screenshots of every page at desktop and phone size', async () => {
    await screenshotTour(browser, BASE, { partner: partnerId, deal: dealId });
  }, { page, continueOnFailure: true });

  await step('command palette (Ctrl+K) starts a new deal', async () => {
    await page.keyboard.press('Control+K');
    await page.getByRole('textbox', { name: 'Command' }).fill('New Deal');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/o\/deals\/deal\/new$/);
    await page.getByRole('heading', { name: 'New Deal' }).waitFor();
  }, { page });

  await step('sign out from the user menu', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
  }, { page });

  const carol = await newPage();
  await step('carol (partner_viewer) sees no edit controls', async () => {
    await signIn(carol, 'carol');
    await carol.goto(`${BASE}/o/partners/partner`);
    await rows(carol, 'Partners').first().waitFor();
    expect(await carol.getByRole('link', { name: 'New Partner' }).count() === 0, 'no New button');
    expect(await carol.getByRole('button', { name: 'Import' }).count() === 0, 'no Import button');
    expect(await carol.getByRole('checkbox').count() === 0, 'no selection checkboxes');
    await shot(carol, '13-viewer-list');
    await rows(carol, 'Partners').first().getByRole('link').first().click();
    await carol.locator('dd[data-field="name"]').waitFor();
    expect(await carol.getByRole('link', { name: 'Edit' }).count() === 0, 'no Edit link');
    expect(await carol.getByRole('button', { name: 'Delete' }).count() === 0, 'no Delete button');
    expect(await carol.locator('dd[data-field="notes"]').count() === 0, 'hidden field notes is absent');
    await shot(carol, '14-viewer-detail');
    await carol.goto(`${carol.url()}/edit`);
    await carol.getByRole('heading', { name: 'Not found' }).waitFor();
  }, { page: carol, continueOnFailure: true });

  const admin = await newPage();
  await step('alice follows a job in Administration → Jobs: filter by type, open it, cancel it, retry it', async () => {
    const t = await token(BASE, 'alice');
    const job = await api(BASE, 'POST', '/api/v1/jobs', t,
      { type: 'partners.health', payload: { partner: '00000000-0000-4000-8000-000000000000' }, delaySeconds: 3600 });
    await signIn(admin, 'alice');
    expect(await admin.getByRole('link', { name: 'Jobs', exact: true }).count() > 0, 'a Jobs entry in the navigation');
    await admin.goto(`${BASE}/jobs`);
    await admin.getByRole('textbox', { name: 'Type' }).fill('partners.health');
    await admin.getByRole('button', { name: 'Filter' }).click();
    const row = admin.locator(`tr[data-job="${job.id}"]`);
    await row.waitFor();
    expect((await row.innerText()).toLowerCase().includes('queued'), `the new job is queued: ${await row.innerText()}`);
    await axeCheck(admin, 'jobs list');
    await row.getByRole('link').click();
    await admin.waitForURL(new RegExp(`/jobs/${job.id}$`));
    await admin.getByRole('button', { name: 'Cancel job' }).click();
    await admin.getByRole('button', { name: 'Retry' }).waitFor();
    expect((await admin.getByRole('table', { name: 'Job details' }).innerText()).toLowerCase().includes('dead letter'), 'cancelled: dead letter');
    await axeCheck(admin, 'job');
    await shot(admin, '15-job-cancelled');
    await admin.getByRole('button', { name: 'Retry' }).click();
    await admin.getByRole('button', { name: 'Cancel job' }).waitFor();
    const after = await api(BASE, 'GET', `/api/v1/jobs/${job.id}`, t);
    expect(after.status === 'queued', `retried: queued again, not ${after.status}`);
  }, { page: admin, continueOnFailure: true });
} finally {
  await browser.close();
}

console.log(`metrics: ${JSON.stringify(metrics)}`);
process.exit(summary({ metrics }) ? 0 : 1);
