// The agents UI's browser scenario (issue 13), against a running engine whose default model profile
// points at the scripted OpenAI-compatible model of the engine's tests (PRM_MODEL_URL, its /script/{key}):
// PRM_BASE_URL=http://localhost:8080 PRM_MODEL_URL=http://127.0.0.1:PORT node e2e/agents.mjs
// alice runs partner-analyst from a partner's page, watches the text stream, sees a tool call, approves
// a score update (the score changes, the history names the agent); a second run is rejected (nothing
// changes); a third is cancelled; the history filters; the bell and the task list show what the agent
// left; carol sees only her own runs. Screenshots go to test-results/screenshots/agents-*.png.
import { BASE, launch, newPage as openPage, signIn } from './browser.mjs';
import { axeCheck, expect, shot, step, summary } from './harness.mjs';
import { api, token } from './seed.mjs';

const MODEL = process.env.PRM_MODEL_URL;
if (!MODEL) throw new Error('PRM_MODEL_URL (the scripted model) is required');

const browser = await launch();

const newPage = (width = 1440, height = 900) => openPage(browser, { width, height });

async function script(key, replies) {
  const r = await fetch(`${MODEL}/script/${key}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(replies) });
  if (r.status !== 204) throw new Error(`scripting the model: ${r.status}`);
}

const call = (id, name, args) => ({ toolCalls: [{ id, name, arguments: args }] });
const answer = (urn, action) => ({ text: [JSON.stringify({ recommendations: [{ partner_urn: urn, action, rationale: 'Scored from its deals', urgency: 'low' }] })] });

async function startFromPartner(page, partnerId, request) {
  await page.goto(`${BASE}/o/partners/partner/${partnerId}`);
  await page.getByRole('button', { name: 'Run agent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run Partner analyst' });
  await dialog.getByRole('textbox', { name: 'Request (optional)' }).fill(request);
  await dialog.getByRole('button', { name: 'Start run' }).click();
  await page.waitForURL(/\/agents\/runs\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop();
}

const status = (page) => page.getByTestId('run-status').first();
async function awaitStatus(page, text, timeout = 30_000) {
  await page.waitForFunction((t) => document.querySelector('[data-testid="run-status"]')?.textContent === t, text, { timeout });
}

const rand = Math.random().toString(36).slice(2, 8);
const keys = { approve: `e2e-approve-${rand}`, reject: `e2e-reject-${rand}`, cancel: `e2e-cancel-${rand}`, carol: `e2e-carol-${rand}` };
let alice;
let me;
let partnerId;
let urn;
let approvedRun;
let rejectedRun;
let cancelledRun;
const page = await newPage();

try {
  await step('a partner to analyse, and the scripted model', async () => {
    alice = await token(BASE, 'alice');
    const partner = await api(BASE, 'POST', '/api/v1/partners/partner', alice, { name: `Analysed partner ${rand}`, tier: 'silver', score: 40 });
    partnerId = partner.id;
    urn = `urn:prm:partners:partner:${partnerId}`;
    me = (await api(BASE, 'GET', '/api/v1/ui/metadata', alice)).user.id; // tools address users by id (the token subject)
    await script(keys.approve, [
      // slow deltas, so the page (and its lazy chunk) is there before the text is complete
      { text: ['Let me look ', 'at this partner ', 'and its deals ', 'before I decide.'], deltaDelayMs: 1500, ...call('c1', 'partners_Partner_get', { id: urn }) },
      { text: ['The score lags its results; I propose 85.'], deltaDelayMs: 200, ...call('c2', 'partners_Partner_update', { id: urn, values: { score: 85 } }) },
      { toolCalls: [
        { id: 'c3', name: 'kernel_create_task', arguments: { title: `Call ${rand} about the new score`, assignee: me, record: urn } },
        { id: 'c4', name: 'kernel_notify', arguments: { recipient: me, title: `Partner ${rand} reviewed`, link: urn } },
      ] },
      answer(urn, 'celebrate'),
    ]);
    await script(keys.reject, [call('r1', 'partners_Partner_update', { id: urn, values: { score: 5 } }), answer(urn, 'review')]);
    await script(keys.cancel, [{ delayMs: 120_000, text: ['too late'] }]);
  });

  await step('alice sees the Agents section and the partner analyst', async () => {
    await signIn(page, 'alice');
    await page.getByRole('link', { name: 'Agents', exact: true }).click();
    await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    const card = page.getByRole('listitem', { name: 'Partner analyst' });
    await card.getByText('partners.partner-analyst').waitFor();
    await card.getByText("Reviews a partner's health").waitFor();
    await card.getByText('partners', { exact: true }).waitFor();
    await shot(page, 'agents-01-list');
    await axeCheck(page, 'agents-list');
  }, { page });

  await step('the partner page offers Run agent and an agents panel', async () => {
    await page.goto(`${BASE}/o/partners/partner/${partnerId}`);
    const panel = page.getByRole('region', { name: 'Agents' });
    await panel.getByText('No run about this record yet.').waitFor();
    await shot(page, 'agents-02-partner-panel');
  }, { page });

  await step('alice runs the analyst on the partner and watches the text stream in', async () => {
    approvedRun = await startFromPartner(page, partnerId, `${keys.approve}: review the score`);
    const text = page.getByTestId('run-text').first();
    await text.waitFor();
    const early = await text.textContent();
    await shot(page, 'agents-03-streaming');
    await page.getByText('before I decide.').waitFor();
    expect(!early.includes('before I decide.'), `the text arrived in parts (first seen: "${early}")`);
  }, { page });

  await step('the tool call shows in the timeline with its arguments and result', async () => {
    const get = page.locator('[data-testid="tool-call"][data-tool="partners.Partner.get"]');
    await get.getByText('done', { exact: true }).waitFor();
    await get.getByRole('button', { name: /partners\.Partner\.get/ }).click();
    await get.getByText('Arguments', { exact: true }).waitFor();
    await get.getByText('Result', { exact: true }).waitFor();
  }, { page });

  await step('an approval card for the score update appears; alice approves', async () => {
    const card = page.getByRole('region', { name: 'Approval needed' });
    await card.waitFor();
    await card.getByText('partners.Partner.update').first().waitFor();
    await card.getByText('85', { exact: true }).waitFor();
    expect(await status(page).textContent() === 'waiting for approval', 'status badge shows the wait');
    await shot(page, 'agents-04-approval');
    await axeCheck(page, 'agents-run-approval');
    const before = await api(BASE, 'GET', `/api/v1/partners/partner/${partnerId}`, alice);
    expect(before.score === 40, `nothing changed before the approval (score ${before.score})`);
    await card.getByRole('button', { name: 'Approve' }).click();
    await awaitStatus(page, 'succeeded');
    await page.getByRole('region', { name: 'Output' }).getByText('celebrate', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel run' }).count() === 0, 'no Cancel once over');
    await shot(page, 'agents-05-succeeded');
  }, { page });

  await step("the partner's score changed and its history names the agent", async () => {
    const after = await api(BASE, 'GET', `/api/v1/partners/partner/${partnerId}`, alice);
    expect(after.score === 85, `score ${after.score}`);
    const history = await api(BASE, 'GET', `/api/v1/partners/partner/${partnerId}/history`, alice);
    expect(history.items[0].changedByName === 'alice via partners.partner-analyst', JSON.stringify(history.items[0]));
    await page.goto(`${BASE}/o/partners/partner/${partnerId}`);
    await page.getByText('alice via partners.partner-analyst').first().waitFor();
    await page.getByRole('region', { name: 'Agents' }).getByText('succeeded', { exact: true }).waitFor();
  }, { page });

  await step('a second run is rejected and nothing changes', async () => {
    rejectedRun = await startFromPartner(page, partnerId, `${keys.reject}: again`);
    const card = page.getByRole('region', { name: 'Approval needed' });
    await card.getByRole('textbox', { name: 'Comment (optional)' }).fill('85 is right');
    await card.getByRole('button', { name: 'Reject' }).click();
    await awaitStatus(page, 'succeeded');
    const update = page.locator('[data-testid="tool-call"][data-tool="partners.Partner.update"]');
    await update.getByText('rejected', { exact: true }).waitFor();
    const after = await api(BASE, 'GET', `/api/v1/partners/partner/${partnerId}`, alice);
    expect(after.score === 85, `score still 85, got ${after.score}`);
    await shot(page, 'agents-06-rejected');
  }, { page });

  await step('a run started from the Agents page is cancelled', async () => {
    await page.goto(`${BASE}/agents`);
    await page.getByRole('button', { name: 'Run Partner analyst' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run Partner analyst' });
    await dialog.getByRole('textbox', { name: 'Request (optional)' }).fill(`${keys.cancel}: take your time`);
    await dialog.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/agents\/runs\/[0-9a-f-]{36}$/);
    cancelledRun = page.url().split('/').pop();
    await awaitStatus(page, 'running');
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await awaitStatus(page, 'cancelled');
    await page.getByText('cancelled by alice').waitFor();
  }, { page });

  await step('the run history filters by status and agent and links to runs', async () => {
    await page.goto(`${BASE}/agents/runs`);
    const rows = page.locator('table[aria-label="Runs"] tbody tr');
    await rows.first().waitFor();
    expect(await page.locator(`tr[data-run="${approvedRun}"]`).count() === 1, 'the approved run is listed');
    await page.getByRole('textbox', { name: 'Status', exact: true }).click();
    await page.getByRole('option', { name: 'cancelled', exact: true }).click();
    await page.waitForURL(/status=cancelled/);
    await page.locator(`tr[data-run="${cancelledRun}"]`).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('table[aria-label="Runs"] [data-testid="run-status"]')].every((b) => b.textContent === 'cancelled'));
    expect(await page.locator(`tr[data-run="${approvedRun}"]`).count() === 0, 'the succeeded run is filtered out');
    await shot(page, 'agents-07-history');
    await axeCheck(page, 'agents-history');
    await page.goto(`${BASE}/agents/runs?agent=partners.nobody`);
    await page.getByText('No run matches these filters.').waitFor();
    await page.goto(`${BASE}/agents/runs?agent=partners.partner-analyst&status=succeeded`);
    await page.locator(`tr[data-run="${rejectedRun}"] a`).first().click();
    await page.waitForURL(new RegExp(`/agents/runs/${rejectedRun}$`));
    await awaitStatus(page, 'succeeded');
  }, { page });

  await step('the bell shows the notifications of the runs and opens the run', async () => {
    const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await bell.waitFor();
    await bell.click();
    const list = page.getByRole('list', { name: 'Notifications' });
    await list.getByText('Approval needed: partners.partner-analyst').first().waitFor();
    await list.getByText(`Partner ${rand} reviewed`).waitFor();
    await page.waitForTimeout(400); // the dropdown's fade-in, for the screenshot
    await shot(page, 'agents-08-bell');
    await axeCheck(page, 'agents-bell');
    await list.getByText(`Partner ${rand} reviewed`).click();
    await page.waitForURL(new RegExp(`/o/partners/partner/${partnerId}$`)); // a URN link opens the record
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('list', { name: 'Notifications' }).getByText('Approval needed: partners.partner-analyst').last().click();
    await page.waitForURL(new RegExp(`/agents/runs/${approvedRun}$`));
  }, { page });

  await step('a notification arrives live while the page is open', async () => {
    const label = await page.getByRole('button', { name: /^Notifications/ }).getAttribute('aria-label');
    const before = Number(/(\d+) unread/.exec(label)?.[1] ?? 0);
    await api(BASE, 'POST', '/api/v1/notifications', alice, { recipient: me, title: `Live note ${rand}`, link: `/o/partners/partner/${partnerId}` });
    await page.getByRole('button', { name: `Notifications, ${before + 1} unread` }).waitFor();
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('list', { name: 'Notifications' }).getByText(`Live note ${rand}`).click();
    await page.waitForURL(new RegExp(`/o/partners/partner/${partnerId}$`));
    await page.getByRole('button', { name: `Notifications, ${before} unread` }).waitFor();
  }, { page });

  await step('the task the agent created is in the task list and can be completed', async () => {
    await page.getByRole('link', { name: 'Tasks', exact: true }).click();
    await page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor();
    const task = page.locator(`li[data-task="Call ${rand} about the new score"]`);
    await task.waitFor();
    await shot(page, 'agents-09-tasks');
    await axeCheck(page, 'agents-tasks');
    await task.getByRole('button', { name: `Complete Call ${rand} about the new score` }).click();
    await task.waitFor({ state: 'detached' });
    const done = await api(BASE, 'GET', '/api/v1/tasks?assignee=me&status=done', alice);
    expect(done.items.some((t) => t.title === `Call ${rand} about the new score`), 'the task is done');
  }, { page });

  const carol = await newPage();
  await step('carol sees only the agents she may run, and none of alice\'s runs', async () => {
    const carolToken = await token(BASE, 'carol');
    const mayRun = (await api(BASE, 'GET', '/api/v1/agents', carolToken)).items.map((a) => a.name).sort();
    const meta = await api(BASE, 'GET', '/api/v1/ui/metadata', carolToken);
    expect(JSON.stringify(meta.agents.map((a) => a.name).sort()) === JSON.stringify(mayRun), `metadata ${JSON.stringify(meta.agents)} vs ${mayRun}`);
    await signIn(carol, 'carol');
    await carol.goto(`${BASE}/agents`);
    await carol.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    expect(await carol.getByRole('listitem', { name: /./ }).count() === mayRun.length, 'one card per agent she may run');
    await carol.goto(`${BASE}/agents/runs`);
    await carol.getByText('Runs you start appear here.').waitFor();
    await carol.goto(`${BASE}/agents/runs/${approvedRun}`);
    await carol.getByRole('heading', { name: 'Not found' }).waitFor();
    await shot(carol, 'agents-10-carol');
  }, { page: carol, continueOnFailure: true });

  await step('carol\'s run is not offered the update: the call fails without an approval card, nothing changes', async () => {
    await script(keys.carol, [call('v1', 'partners_Partner_update', { id: urn, values: { score: 1 } }), answer(urn, 'review')]);
    await startFromPartner(carol, partnerId, `${keys.carol}: fix the score`);
    await awaitStatus(carol, 'succeeded');
    const update = carol.locator('[data-testid="tool-call"][data-tool="partners_Partner_update"]');
    await update.getByText('error', { exact: true }).waitFor();
    expect(await carol.getByRole('region', { name: 'Approval needed' }).count() === 0, 'no approval card');
    const after = await api(BASE, 'GET', `/api/v1/partners/partner/${partnerId}`, alice);
    expect(after.score === 85, `score still 85, got ${after.score}`);
    await shot(carol, 'agents-11-carol-run');
  }, { page: carol, continueOnFailure: true });
} finally {
  await browser.close();
}

process.exit(summary({}, 'e2e-agents-results.json') ? 0 : 1);
