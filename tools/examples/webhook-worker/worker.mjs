#!/usr/bin/env node
// A PRM OS webhook worker in plain Node 20 (standard library only).
//
// It receives webhooks, verifies them per the Standard Webhooks scheme (webhook-id, webhook-timestamp,
// webhook-signature = "v1,<base64 HMAC-SHA256 of id.timestamp.body>" keyed with the bytes after "whsec_"),
// answers 401 to a bad or stale signature, and writes back through the REST API with an API key:
// for every partners.PartnerCreated it sets the new partner's notes to a welcome line.
// Deliveries are at least once: the worker remembers webhook-ids it has handled and acknowledges a
// repeat without writing twice.
//
// Configuration (environment):
//   PORT            port to listen on (default 8787; 0 = any free port, printed on start)
//   WEBHOOK_SECRET  the subscription's secret, whsec_...
//   PRM_URL         the engine, e.g. http://localhost:8080
//   PRM_API_KEY     an API key (prm_...) whose roles may update partners
//   TOLERANCE_SECONDS  accepted clock skew of webhook-timestamp (default 300)

import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';

const port = Number(process.env.PORT ?? 8787);
const secret = process.env.WEBHOOK_SECRET ?? '';
const engine = (process.env.PRM_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const apiKey = process.env.PRM_API_KEY ?? '';
const tolerance = Number(process.env.TOLERANCE_SECONDS ?? 300);
const handled = new Set();

if (!secret.startsWith('whsec_')) {
  console.error('WEBHOOK_SECRET must be the subscription secret (whsec_...)');
  process.exit(2);
}
const key = Buffer.from(secret.slice('whsec_'.length), 'base64');

/** True when one of the space-separated "v1,<sig>" signatures matches. */
export function verify(id, timestamp, body, signatureHeader) {
  if (!id || !timestamp || !signatureHeader) return false;
  const age = Math.abs(Date.now() / 1000 - Number(timestamp));
  if (!Number.isFinite(age) || age > tolerance) return false;
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatureHeader.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

async function writeBack(event) {
  if (event.type !== 'partners.PartnerCreated') return 'ignored';
  const id = event.data.id;
  const response = await fetch(`${engine}/api/v1/partners/partner/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `ApiKey ${apiKey}` },
    body: JSON.stringify({ notes: `Welcomed by the webhook worker (event ${event.id})` }),
  });
  if (!response.ok) throw new Error(`write-back answered ${response.status}: ${await response.text()}`);
  return 'written';
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const id = request.headers['webhook-id'];
    if (request.method !== 'POST' || !verify(id, request.headers['webhook-timestamp'], body, request.headers['webhook-signature'])) {
      console.log(`rejected ${id ?? '(no id)'}: bad signature`);
      response.writeHead(401).end();
      return;
    }
    if (handled.has(id)) {
      response.writeHead(204).end();
      return;
    }
    try {
      const outcome = await writeBack(JSON.parse(body));
      handled.add(id);
      console.log(`${outcome} ${id}`);
      response.writeHead(204).end();
    } catch (error) {
      console.log(`failed ${id}: ${error.message}`);
      response.writeHead(503).end(); // the engine retries later
    }
  });
});

server.listen(port, '127.0.0.1', () => console.log(`webhook worker listening on ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
