import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '../testing/fakeApi';
import { entityClient } from './entityClient';
import { ApiError } from './http';

// What `prm types` emits for a small entity (see tools/cli TypesCommandTest).
interface Deal {
  readonly id: string;
  readonly version: number;
  name: string;
  stage: 'registered' | 'won';
  amount?: { amount: number; currency: string } | null;
}
interface DealInput {
  name: string;
  stage?: 'registered';
  amount?: { amount: number; currency: string } | null;
}
type DealPatch = Partial<Omit<DealInput, 'stage'>>;

const Deals = entityClient<Deal, DealInput, DealPatch, 'win', 'recompute'>('/api/v1/deals/deal');
const deal: Deal = { id: 'd1', version: 3, name: 'Acme', stage: 'registered', amount: { amount: 10, currency: 'EUR' } };

let fake: FakeApi;
afterEach(() => fake.restore());

describe('entityClient', () => {
  it('lists, gets, creates, patches and removes through the record API', async () => {
    fake = fakeApi((r) => {
      if (r.method === 'GET' && r.path === '/api/v1/deals/deal') return { items: [deal], nextCursor: null };
      if (r.method === 'DELETE') return new Response(null, { status: 204 });
      return deal;
    });
    const page = await Deals.list({ filter: "stage eq 'won'", limit: 5 });
    expect(page.items[0].amount?.currency).toBe('EUR');
    expect(await Deals.get('DEAL-000001')).toEqual(deal);
    await Deals.create({ name: 'Acme' });
    await Deals.update('d1', { name: 'Acme 2' }, 3);
    await Deals.remove('d1');

    expect(Deals.api).toBe('/api/v1/deals/deal');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v1/deals/deal', 'GET /api/v1/deals/deal/DEAL-000001', 'POST /api/v1/deals/deal',
      'PATCH /api/v1/deals/deal/d1', 'DELETE /api/v1/deals/deal/d1',
    ]);
    expect(fake.requests[0].query.get('filter')).toBe("stage eq 'won'");
    expect(fake.requests[0].query.get('limit')).toBe('5');
    expect(fake.requests[2].body).toEqual({ name: 'Acme' });
    expect(fake.requests[3].body).toEqual({ name: 'Acme 2' });
    expect(fake.requests[3].headers['if-match']).toBe('"3"');
  });

  it('runs transitions and actions, and a refusal rejects with the server reason', async () => {
    fake = fakeApi((r) => {
      if (r.path.endsWith('/transitions/win')) {
        return new Response(JSON.stringify({ status: 409, title: 'Refused', detail: 'A deal needs an amount' }),
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } });
      }
      return { action: 'recompute', result: { ok: true } };
    });
    const refused = await Deals.transition('d1', 'win').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).problem.detail).toBe('A deal needs an amount');
    expect(await Deals.action('d1', 'recompute', { full: true })).toEqual({ action: 'recompute', result: { ok: true } });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/deals/deal/d1/transitions/win', 'POST /api/v1/deals/deal/d1/actions/recompute',
    ]);
    expect(fake.requests[1].body).toEqual({ full: true });
  });
});
