// Test data through the public API (as alice): an organization, 55 partners in one bulk
// request, two partners for the bulk-update step.
export async function token(base, username) {
  const r = await fetch(`${base}/api/dev-identity/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username }),
  });
  if (!r.ok) throw new Error(`token for ${username}: ${r.status}`);
  return (await r.json()).access_token;
}

export async function api(base, method, path, bearer, body, headers = {}) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export async function seed(base) {
  const t = await token(base, 'alice');
  await api(base, 'POST', '/api/v1/organizations/organization', t, { name: 'Globex Corp', industry: 'software', country: 'DE' });
  const operations = [];
  for (let i = 1; i <= 55; i++) {
    operations.push({ op: 'create', data: { name: `Seed partner ${String(i).padStart(2, '0')}`, tier: 'silver', region: 'emea', score: i } });
  }
  operations.push({ op: 'create', data: { name: 'Bulk A', tier: 'registered', region: 'amer', score: 1 } });
  operations.push({ op: 'create', data: { name: 'Bulk B', tier: 'registered', region: 'amer', score: 2 } });
  const created = await api(base, 'POST', '/api/v1/partners/partner/bulk', t, { operations });
  return { partners: created.items.length };
}
