// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { entityClient } from '../api/entityClient';
import { fakeApi, type FakeApi } from '../testing/fakeApi';
import { renderWithShell } from '../testing/render';
import { useRecord, useRecords, useTransition } from './useApi';

type Deal = { readonly id: string; readonly version: number; name: string; readonly stage: 'registered' | 'qualified' };
const Deals = entityClient<Deal, { name: string }, { name?: string }, 'qualify'>('/api/v1/deals/deal');

let fake: FakeApi;
afterEach(() => {
  cleanup();
  fake.restore();
});

function Board() {
  const one = useRecord(Deals, 'd1');
  const all = useRecords(Deals, { sort: 'name' });
  const move = useTransition(Deals);
  return (
    <div>
      <p>{one.data ? `${one.data.name} is ${one.data.stage}` : 'loading'}</p>
      <p>{all.data ? `${all.data.items.length} deals` : 'loading list'}</p>
      <button type="button" onClick={() => move.mutate({ id: 'd1', transition: 'qualify' })}>Qualify</button>
    </div>
  );
}

describe('the hooks with a typed client', () => {
  it('read through the client, and a transition refreshes the cached record', async () => {
    let stage = 'registered';
    fake = fakeApi((r) => {
      if (r.method === 'POST') {
        stage = 'qualified';
        return { id: 'd1', version: 2, name: 'Acme', stage };
      }
      if (r.path === '/api/v1/deals/deal') return { items: [{ id: 'd1', version: 1, name: 'Acme', stage }], nextCursor: null };
      return { id: 'd1', version: 1, name: 'Acme', stage };
    });
    renderWithShell(<Board />);
    expect(await screen.findByText('Acme is registered')).toBeTruthy();
    expect(await screen.findByText('1 deals')).toBeTruthy();
    expect(fake.to('/api/v1/deals/deal')[0].query.get('sort')).toBe('name');

    fireEvent.click(screen.getByRole('button', { name: 'Qualify' }));
    expect(await screen.findByText('Acme is qualified')).toBeTruthy();
    await waitFor(() => expect(fake.to('/api/v1/deals/deal/d1/transitions/qualify')).toHaveLength(1));
    expect(fake.to('/api/v1/deals/deal/d1').length).toBeGreaterThanOrEqual(2);
  });
});
