// A tiny sequential test harness for the browser scenario: named steps, a summary line that
// CI reads ("N passed, N failed"), screenshots and axe checks.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = process.env.PRM_E2E_OUT ?? join(ROOT, 'test-results');
export const SHOTS = join(OUT, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const results = [];
let failedAlready = false;

export async function step(name, fn, { page, continueOnFailure = false } = {}) {
  if (failedAlready && !continueOnFailure) {
    results.push({ name, status: 'skipped' });
    console.log(`- SKIP ${name}`);
    return;
  }
  const start = Date.now();
  try {
    await fn();
    results.push({ name, status: 'passed', ms: Date.now() - start });
    console.log(`✓ ${name} (${Date.now() - start} ms)`);
  } catch (e) {
    results.push({ name, status: 'failed', ms: Date.now() - start, error: String(e?.stack ?? e) });
    console.log(`✗ ${name}\n    ${String(e?.message ?? e).split('\n').join('\n    ')}`);
    if (page) {
      try {
        await page.screenshot({ path: join(SHOTS, `FAILED-${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
      } catch {
        // the page may be gone
      }
    }
    if (!continueOnFailure) failedAlready = true;
  }
}

export function summary(extra = {}, file = 'e2e-results.json') {
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  const skipped = results.filter((r) => r.status === 'skipped').length;
  writeFileSync(join(OUT, file), JSON.stringify({ results, ...extra }, null, 2));
  console.log(`\nbrowser e2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed === 0 && skipped === 0;
}

export function expect(condition, message) {
  if (!condition) throw new Error(`expectation failed: ${message}`);
}

export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page; fails on serious or critical violations, listing them. */
export async function axeCheck(page, label) {
  // Evaluated through the DevTools protocol: an inline <script> would be refused by the page's
  // Content-Security-Policy (script-src 'self'), as it should be.
  await page.evaluate(`${AXE}\n;0`);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  writeFileSync(join(OUT, `axe-${label}.json`), JSON.stringify(result, null, 2));
  if (bad.length > 0) {
    throw new Error(`axe found ${bad.length} serious/critical violations on ${label}:\n` + bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(', ')}`).join('\n'));
  }
  return result;
}
