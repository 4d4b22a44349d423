// The metadata designer's browser scenario (issue 14), against a running engine with the sample
// modules: PRM_BASE_URL=http://localhost:8080 node e2e/designer.mjs
// alice (platform operator) builds a module from scratch in the browser — two entities, a
// reference, a dictionary, a workflow with a guard, a role with a row rule and a hidden field —
// previews it as that role, reviews and publishes it; bob (sales_rep) then works in it. Then an
// additive and a breaking change, a CEL error at its position, a conflicting draft, and the tenant
// admin's view. Screenshots go to test-results/screenshots/designer-*.png.
import { BASE, TIMEOUT, launch, newPage as openPage, signIn } from './browser.mjs';
import { axeCheck, expect, shot, step, summary } from './harness.mjs';
import { api, token } from './seed.mjs';

const MODULE = process.env.PRM_DESIGNER_MODULE ?? 'helpdesk';

const browser = await launch();

const newPage = (width = 1440, height = 900) => openPage(browser, { width, height, acceptDownloads: true });

async function pick(page, inputName, option, scope = page) {
  await scope.getByRole('textbox', { name: inputName, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits until the draft is saved and the server has checked it. */
async function settled(page, { valid = true } = {}) {
  await page.getByText('draft saved', { exact: true }).waitFor();
  const badge = page.getByTestId('problem-count');
  await page.waitForFunction(() => !document.querySelector('[data-testid="problem-count"]')?.textContent?.includes('checking'));
  if (valid) {
    await page.waitForFunction(() => document.querySelector('[data-testid="problem-count"]')?.textContent === 'valid', null, { timeout: TIMEOUT });
  }
  return badge;
}

async function tab(page, name) {
  await page.getByRole('tab', { name, exact: true }).click();
}

async function addField(page, name, type) {
  await page.getByRole('textbox', { name: 'New field', exact: true }).fill(name);
  await pick(page, 'New field type', type);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByTestId(`field-editor-${name}`).waitFor();
}

async function yamlText(page) {
  return page.evaluate(() => document.querySelector('[data-testid="yaml-editor"] .cm-content')?.innerText ?? '');
}

async function draftSource(bearer) {
  return (await api(BASE, 'GET', `/api/designer/drafts/${MODULE}`, bearer)).draft?.source ?? '';
}

const page = await newPage();
let alice;

try {
  await step('alice opens the designer from the navigation', async () => {
    alice = await token(BASE, 'alice');
    await signIn(page, 'alice');
    await page.getByRole('link', { name: 'Designer' }).click();
    await page.getByRole('heading', { name: 'Designer', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'partners', exact: true }).waitFor();
    await shot(page, 'designer-01-home');
    await axeCheck(page, 'designer-home');
  }, { page });

  await step('a new module starts as a draft with one entity', async () => {
    await page.getByRole('button', { name: 'New module' }).click();
    await page.getByRole('textbox', { name: 'Module name' }).fill(MODULE);
    await page.getByRole('textbox', { name: 'Title' }).fill('Help desk');
    await page.getByRole('textbox', { name: 'First entity' }).fill('Ticket');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(new RegExp(`/designer/m/${MODULE}$`));
    await settled(page);
    expect((await yamlText(page)).includes('module: helpdesk'), 'the YAML view shows the draft');
  }, { page });

  await step('a dictionary with three values', async () => {
    await tab(page, 'Dictionaries');
    await page.getByRole('textbox', { name: 'New dictionary' }).fill('ticket_status');
    await page.getByRole('button', { name: 'Add dictionary' }).click();
    for (const code of ['open', 'closed']) {
      await page.getByRole('textbox', { name: 'New value of ticket_status' }).fill(code);
      await page.getByRole('button', { name: 'Add value' }).click();
      await page.getByTestId(`row-${code}`).waitFor();
    }
    await settled(page);
  }, { page });

  await step('a second entity and a reference between them', async () => {
    await tab(page, 'Entities and fields');
    await page.getByRole('textbox', { name: 'New entity name' }).fill('Customer');
    await page.getByRole('button', { name: 'Add entity' }).click();
    await page.getByRole('heading', { name: 'Customer', level: 2 }).waitFor();
    await addField(page, 'email', 'email');
    await page.getByRole('button', { name: 'Ticket', exact: true }).click();
    await page.getByRole('heading', { name: 'Ticket', level: 2 }).waitFor();
    await addField(page, 'customer', 'reference');
    await pick(page, 'Refers to', 'Customer');
    await addField(page, 'status', 'dictionary');
    await addField(page, 'priority', 'integer');
    await page.getByRole('textbox', { name: 'Maximum', exact: true }).fill('5');
    await page.getByRole('textbox', { name: 'Maximum', exact: true }).press('Tab');
    await addField(page, 'notes', 'longtext');
    await settled(page);
    const yaml = await draftSource(alice);
    expect(yaml.includes('customer: { type: reference, label: Customer, to: Customer }'), `reference written on one line:\n${yaml}`);
    expect(yaml.includes('priority: { type: integer, label: Priority, max: 5 }'), 'max written into the field');
    await shot(page, 'designer-02-entity');
    await axeCheck(page, 'designer-entity');
  }, { page });

  await step('a role of an installed module with a row rule and a hidden field', async () => {
    await tab(page, 'Permissions');
    await pick(page, 'Grant a role of an installed module', 'sales_rep (from organizations)');
    await page.getByRole('button', { name: 'Add role' }).click();
    await page.getByTestId('role-sales_rep').waitFor();
    await pick(page, 'sales_rep read Ticket', 'rule');
    const rule = page.getByRole('textbox', { name: 'read rule for sales_rep on Ticket' });
    await rule.fill('created_by eq $user.idd');
    await page.getByText("unknown variable '$user.idd'").waitFor();
    await rule.fill('created_by eq $user.id');
    await rule.press('Tab');
    await pick(page, 'sales_rep update Ticket', 'own');
    await page.getByRole('checkbox', { name: 'sales_rep create Ticket' }).check();
    await pick(page, 'sales_rep read Customer', 'all');
    await page.getByRole('checkbox', { name: 'sales_rep create Customer' }).check();
    await page.getByTestId('role-sales_rep').getByRole('row', { name: /^Ticket/ }).getByRole('button', { name: 'all visible' }).click();
    await page.getByRole('radiogroup', { name: 'sales_rep access to Ticket.notes' }).getByText('hidden', { exact: true }).click();
    await settled(page);
    const yaml = await draftSource(alice);
    expect(yaml.includes('organizations: ^1.0') || yaml.includes('organizations: "^1.0"'), `requires organizations added:\n${yaml}`);
    expect(yaml.includes('where: created_by eq $user.id') && yaml.includes('notes: hidden'), `row rule and hidden field written:\n${yaml}`);
    await shot(page, 'designer-03-permissions');
    await axeCheck(page, 'designer-permissions');
  }, { page });

  await step('a workflow with a guard, drawn as a diagram', async () => {
    await tab(page, 'Workflow');
    await page.getByRole('button', { name: 'Ticket', exact: true }).click();
    await page.getByRole('button', { name: 'Add a workflow on status' }).click();
    await page.getByRole('textbox', { name: 'New transition' }).fill('start');
    await page.getByRole('button', { name: 'Add transition' }).click();
    const row = page.getByTestId('transition-start');
    await row.waitFor();
    const guard = row.getByRole('textbox', { name: 'Guard (CEL)' });
    await guard.fill('priority >= 1');
    await guard.press('Tab');
    await pick(page, 'start roles', 'sales_rep');
    await page.keyboard.press('Escape');
    await page.getByRole('img', { name: /start from new to open/ }).waitFor();
    await settled(page);
    expect((await draftSource(alice)).includes('guard: priority >= 1'), 'guard written');
    await shot(page, 'designer-04-workflow');
  }, { page });

  await step('preview as sales_rep: the runtime pages without the hidden field, nothing published', async () => {
    await page.getByRole('radiogroup', { name: 'Side panel' }).getByText('Preview').click();
    await pick(page, 'Preview as', 'sales_rep');
    const preview = page.getByTestId('preview');
    await preview.getByRole('heading', { name: 'Tickets', level: 1 }).waitFor();
    await preview.locator('table tbody tr').first().waitFor();
    await page.getByText('Rows: only records matching').waitFor();
    await page.getByRole('radiogroup', { name: 'Side panel' }).locator('..').getByText('Form', { exact: true }).click();
    await preview.getByRole('heading', { name: 'New Ticket' }).waitFor();
    expect(await preview.getByRole('textbox', { name: 'Notes', exact: true }).count() === 0, 'the hidden field is not in the form');
    expect(await preview.getByRole('textbox', { name: 'Priority', exact: true }).count() === 1, 'priority is in the form');
    await page.getByText('Detail', { exact: true }).click();
    await preview.locator('dd[data-field="priority"]').waitFor();
    expect(await preview.locator('dd[data-field="notes"]').count() === 0, 'the hidden field is not on the detail page');
    await shot(page, 'designer-05-preview');
    const installed = await api(BASE, 'GET', '/api/admin/modules', alice);
    expect(!installed.items.some((m) => m.module === MODULE), 'nothing was published');
  }, { page });

  await step('review shows the plan, publish installs it, and prm pull would get the same text', async () => {
    const before = await draftSource(alice);
    await page.getByRole('button', { name: 'Review and publish' }).click();
    const review = page.getByTestId('review');
    await review.waitFor();
    await review.getByText('ready to publish').waitFor();
    await review.getByText(/CREATE TABLE/).first().waitFor();
    await shot(page, 'designer-06-review');
    await axeCheck(page, 'designer-review');
    await page.getByRole('button', { name: 'Publish 1.0.0' }).click();
    await page.getByText(`${MODULE} 1.0.0 published`).waitFor();
    const pulled = await fetch(`${BASE}/api/admin/modules/${MODULE}/manifest`, { headers: { Authorization: `Bearer ${alice}` } }).then((r) => r.text());
    expect(pulled === before, 'the published manifest is byte for byte the draft');
  }, { page });

  const bob = await newPage(1280, 800);
  await step('bob, a business user, creates records in the new module', async () => {
    await signIn(bob, 'bob');
    await bob.getByRole('navigation', { name: 'Entities' }).getByRole('link', { name: 'Customers' }).click();
    await bob.getByRole('link', { name: 'New Customer' }).first().click();
    await bob.getByRole('textbox', { name: 'Name', exact: true }).fill('Contoso');
    await bob.getByRole('button', { name: 'Create Customer' }).click();
    await bob.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();
    await bob.getByRole('navigation', { name: 'Entities' }).getByRole('link', { name: 'Tickets' }).click();
    await bob.getByRole('link', { name: 'New Ticket' }).first().click();
    await bob.getByRole('textbox', { name: 'Name', exact: true }).fill('Printer on fire');
    await bob.getByRole('textbox', { name: 'Priority', exact: true }).fill('3');
    await bob.getByRole('textbox', { name: 'Customer', exact: true }).fill('Con');
    await bob.getByRole('option', { name: 'Contoso', exact: true }).click();
    expect(await bob.getByRole('textbox', { name: 'Notes', exact: true }).count() === 0, 'notes hidden from bob');
    await bob.getByRole('button', { name: 'Create Ticket' }).click();
    await bob.getByRole('heading', { name: 'Printer on fire', level: 1 }).waitFor();
    await bob.locator('dd[data-field="customer"]').getByRole('link', { name: 'Contoso' }).waitFor();
    await shot(bob, 'designer-07-bob-ticket');
  }, { page: bob });

  await step('an additive change: a new field, version 1.1.0 after confirming', async () => {
    await page.goto(`${BASE}/designer/m/${MODULE}`);
    await settled(page);
    await page.getByRole('button', { name: 'Ticket', exact: true }).click();
    await addField(page, 'due_on', 'date');
    await settled(page);
    await page.getByRole('button', { name: 'Review and publish' }).click();
    const review = page.getByTestId('review');
    await review.getByText('FIELD_ADDED').waitFor();
    await review.getByRole('checkbox', { name: /The version becomes 1\.1\.0/ }).check();
    await page.getByRole('button', { name: 'Write the confirmed changes and review again' }).click();
    await review.getByText('ready to publish').waitFor();
    await review.getByText(/ADD COLUMN (IF NOT EXISTS )?"due_on"/).first().waitFor();
    await page.getByRole('button', { name: 'Publish 1.1.0' }).click();
    await page.getByText(`${MODULE} 1.1.0 published`).waitFor();
  }, { page });

  await step('a breaking change: removing a field names the data loss and needs confirmation', async () => {
    await settled(page);
    await page.getByRole('button', { name: 'Ticket', exact: true }).click();
    await page.getByRole('button', { name: 'Edit field notes' }).click();
    await page.getByRole('button', { name: 'Remove field' }).click();
    await settled(page);
    const yaml = await draftSource(alice);
    expect(!yaml.includes('notes'), `the field and its permission entry are gone:\n${yaml}`);
    await page.getByRole('button', { name: 'Review and publish' }).click();
    const review = page.getByTestId('review');
    await review.getByText('not publishable yet').waitFor();
    const loss = review.getByRole('checkbox', { name: /Field notes is removed from Ticket/ });
    await loss.waitFor();
    expect(await page.getByRole('button', { name: /^Publish/ }).isDisabled(), 'publish is disabled before confirming');
    await shot(page, 'designer-08-breaking-review');
    await axeCheck(page, 'designer-breaking-review');
    const write = page.getByRole('button', { name: 'Write the confirmed changes and review again' });
    await loss.check();
    expect(await write.isDisabled(), 'every consequence must be confirmed');
    await review.getByRole('checkbox', { name: /The version becomes 2\.0\.0/ }).check();
    await write.click();
    await review.getByText('ready to publish').waitFor();
    const confirmed = await draftSource(alice);
    expect(confirmed.includes('allowDataLoss: true') && confirmed.includes('version: 2.0.0'), `drop and version written:\n${confirmed}`);
    await page.getByRole('button', { name: 'Publish 2.0.0' }).click();
    await page.getByText(`${MODULE} 2.0.0 published`).waitFor();
  }, { page });

  await step('a CEL error is shown at its position', async () => {
    await tab(page, 'Rules and formulas');
    await page.getByRole('button', { name: 'Ticket', exact: true }).click();
    await page.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByRole('textbox', { name: 'Rule 1' });
    await rule.fill('priority > 0 && titel != ""');
    const marker = page.getByTestId('error-position');
    await marker.waitFor();
    expect((await marker.getAttribute('aria-label')) === 'Error at position 16', `marker at ${await marker.getAttribute('aria-label')}`);
    expect((await marker.locator('mark').innerText()) === 't', 'the marked character starts the unknown name');
    await page.getByText(/undeclared reference to 'titel'/).first().waitFor();
    await shot(page, 'designer-09-cel-error');
    await rule.fill('priority > 0 && name != ""');
    await page.waitForFunction(() => !document.querySelector('[data-testid="error-position"]'));
  }, { page });

  await step('a second operator editing the same module is a warning', async () => {
    const key = (await api(BASE, 'POST', '/api/admin/api-keys', alice, { name: 'Olga (designer)', roles: ['platform_operator'] })).key;
    const r = await fetch(`${BASE}/api/designer/drafts/${MODULE}`, {
      method: 'PUT', headers: { Authorization: `ApiKey ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ source: await draftSource(alice) }),
    });
    expect(r.ok, `the second operator saved a draft: ${r.status}`);
    await page.reload();
    const warning = page.getByTestId('conflict');
    await warning.waitFor();
    expect((await warning.innerText()).includes('Olga (designer)'), 'the warning names the other draft owner');
    await shot(page, 'designer-10-conflict');
  }, { page });

  const dave = await newPage(1280, 800);
  await step('a tenant admin sees only the tenant overlay, apart from module changes', async () => {
    await signIn(dave, 'dave');
    await dave.getByRole('link', { name: 'Designer' }).click();
    await dave.getByRole('tab', { name: /Your tenant/ }).waitFor();
    expect(await dave.getByRole('tab', { name: 'Modules' }).count() === 0, 'no module tab for a tenant admin');
    await dave.getByRole('table', { name: 'Custom fields' }).waitFor();
    await shot(dave, 'designer-11-tenant-admin');
    await axeCheck(dave, 'designer-tenant');
    const denied = await fetch(`${BASE}/api/designer/drafts/${MODULE}`, { headers: { Authorization: `Bearer ${await token(BASE, 'dave')}` } });
    expect(denied.status === 403, `dave gets 403 from the designer API, got ${denied.status}`);
  }, { page: dave, continueOnFailure: true });
} finally {
  await browser.close();
}

process.exit(summary({}, 'e2e-designer-results.json') ? 0 : 1);
