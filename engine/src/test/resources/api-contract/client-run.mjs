// Runs the TypeScript client that OpenAPI Generator (typescript-fetch) made from /q/openapi, compiled
// by tsc to ./dist, against a running engine: PRM_BASE_URL and PRM_TOKEN (alice's bearer token).
// Prints one line per check and "N passed, M failed" last; exits 1 on any failure.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const client = require(path.resolve(process.argv[2] ?? 'dist', 'index.js'));
const config = new client.Configuration({ basePath: process.env.PRM_BASE_URL, // an oauth2 scheme's token goes into Authorization as it is returned
  accessToken: async () => 'Bearer ' + process.env.PRM_TOKEN });
const partners = new client.PartnersApi(config);
const deals = new client.DealsApi(config);
const registry = new client.RegistryApi(config);
let passed = 0, failed = 0;
function check(name, ok, detail = '') {
  if (ok) { passed++; console.log('ok   ' + name); } else { failed++; console.log('FAIL ' + name + ' ' + detail); }
}
async function status(promise) {
  try { await promise; return 0; } catch (e) { return e.response ? e.response.status : String(e); }
}
async function problem(promise) {
  try { await promise; return null; } catch (e) { return e.response ? await e.response.json() : { error: String(e) }; }
}

const name = 'TS client ' + Date.now();
const created = await partners.partnersPartnerCreate({ partnersPartnerInput: { name, tier: 'gold', score: 40 } });
check('create answers the typed record', created.name === name && created.tier === 'gold' && /^PRT-\d{6,}$/.test(created.publicId ?? ''),
  JSON.stringify(created));
check('urn is read', created.urn === 'urn:prm:partners:partner:' + created.id, created.urn);
const byId = await partners.partnersPartnerGet({ id: created.id });
const byPublicId = await partners.partnersPartnerGet({ id: created.publicId });
check('get by id and by public id', byId.id === created.id && byPublicId.id === created.id);
const page = await partners.partnersPartnerList({ filter: `name eq '${name}'`, fields: 'name,urn,public_id' });
check('list filters and projects urn/public_id', page.items.length === 1 && page.items[0].publicId === created.publicId, JSON.stringify(page));
const patched = await partners.partnersPartnerPatch({ id: created.id, ifMatch: `"${created.version}"`, partnersPartnerPatch: { score: 77 } });
check('patch with If-Match changes one field', patched.score === 77 && patched.name === name && patched.version === created.version + 1);
check('a stale If-Match is 412', await status(partners.partnersPartnerPatch({ id: created.id, ifMatch: `"${created.version}"`,
  partnersPartnerPatch: { score: 1 } })) === 412);
const invalid = await problem(partners.partnersPartnerCreate({ partnersPartnerInput: { name: 'x', score: 300 } }));
check('invalid values are 422 with pointers', invalid?.status === 422 && JSON.stringify(invalid.errors).includes('/score'), JSON.stringify(invalid));
const deal = await deals.dealsDealCreate({ dealsDealInput: { name: 'Deal ' + name, partner: created.id,
  amount: { amount: 1200, currency: 'EUR' }, details: { channel: 'web', tags: ['a'] } } });
check('money and json fields round-trip', deal.amount?.currency === 'EUR' && deal.details?.channel === 'web', JSON.stringify(deal));
const qualified = await deals.dealsDealTransitionQualify({ id: deal.publicId });
check('a transition by public id', qualified.stage === 'qualified', JSON.stringify(qualified));
const found = await registry.search({ q: name.split(' ').pop() });
check('search is typed', Array.isArray(found.groups) && found.groups.some(g => g.items.some(i => i.id === created.id)), JSON.stringify(found));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
