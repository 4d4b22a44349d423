// @vitest-environment jsdom
// The data-bound components against a fake engine at the HTTP boundary: the requests they make
// (filter, sort, cursor, batching) and what they show from the answers.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearResolved } from '../../api/resolve';
import { fakeApi, type FakeApi } from '../../testing/fakeApi';
import { partner } from '../../testing/fixtures';
import { renderWithShell } from '../../testing/render';
import { DataTable } from '../DataTable';
import { EntityPicker } from '../EntityPicker';
import { RecordLink } from '../RecordLink';

const ORGS = [
  { id: 'o1', name: 'Globex' },
  { id: 'o2', name: 'Initech' },
  { id: 'o3', name: 'Globo Gym' },
];
const ORG_TARGET = { entity: 'organizations.Organization', api: '/api/v1/organizations/organization', displayField: 'name' };

let fake: FakeApi;
afterEach(() => {
  cleanup();
  fake?.restore();
  clearResolved();
});

describe('EntityPicker', () => {
  beforeEach(() => {
    fake = fakeApi((r) => {
      if (r.path !== ORG_TARGET.api) return undefined;
      const match = /^name contains '(.*)'$/.exec(r.query.get('filter') ?? '');
      return { items: ORGS.filter((o) => !match || o.name.includes(match[1])) };
    });
  });

  it('searches once typing pauses, with a contains filter on the display field, and offers the matches', async () => {
    renderWithShell(<EntityPicker target={ORG_TARGET} label="Organization" value={null} onChange={() => undefined} />);
    const box = screen.getByPlaceholderText('Search organization…');
    fireEvent.focus(box);
    fireEvent.click(box);
    for (const text of ['G', 'Gl', 'Glo']) fireEvent.change(box, { target: { value: text } });
    await waitFor(() => expect(fake.to(ORG_TARGET.api).some((r) => r.query.get('filter') === "name contains 'Glo'")).toBe(true));
    const filters = fake.to(ORG_TARGET.api).map((r) => r.query.get('filter'));
    // the first open lists without a filter; intermediate keystrokes never reach the server
    expect(filters).toEqual([null, "name contains 'Glo'"]);
    expect(fake.to(ORG_TARGET.api)[1].query.get('limit')).toBe('20');
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Globex', 'Globo Gym']));
  });

  it('shows the display name of the current value, looked up by id', async () => {
    renderWithShell(<EntityPicker target={ORG_TARGET} label="Organization" value="o2" onChange={() => undefined} />);
    await waitFor(() => expect((screen.getByPlaceholderText('Search organization…') as HTMLInputElement).value).toBe('Initech'));
    expect(fake.to(ORG_TARGET.api).some((r) => r.query.get('filter') === "id in ('o2')")).toBe(true);
  });

  it('with an error, focusing keeps the list closed so the message stays readable; a click opens it', async () => {
    renderWithShell(<EntityPicker target={ORG_TARGET} label="Organization" value={null} onChange={() => undefined} error="Organization does not exist" />);
    const box = screen.getByPlaceholderText('Search organization…');
    fireEvent.focus(box);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('Organization does not exist')).toBeTruthy();
    fireEvent.click(box);
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
  });

  it('hands the chosen id to onChange', async () => {
    const chosen: unknown[] = [];
    renderWithShell(<EntityPicker target={ORG_TARGET} label="Organization" value={null} onChange={(v) => chosen.push(v)} />);
    const box = screen.getByPlaceholderText('Search organization…');
    fireEvent.click(box);
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    fireEvent.click(screen.getByRole('option', { name: 'Initech' }));
    expect(chosen).toEqual(['o2']);
  });
});

describe('RecordLink', () => {
  const A = 'urn:prm:partners:partner:11111111-1111-1111-1111-111111111111';
  const B = 'urn:prm:partners:partner:22222222-2222-2222-2222-222222222222';
  const GONE = 'urn:prm:partners:partner:33333333-3333-3333-3333-333333333333';

  beforeEach(() => {
    fake = fakeApi((r) => {
      if (r.path !== '/api/v1/resolve') return undefined;
      const urns = (r.body as { urns: string[] }).urns;
      return {
        items: urns.map((urn) => urn === GONE ? { urn, found: false } : {
          urn, found: true, type: 'partners.Partner', display: urn === A ? 'Acme' : 'Umbrella',
          link: `/api/v1/partners/partner/${urn.split(':')[4]}`,
        }),
      };
    });
  });

  it('resolves the URNs of one render in one request and links each to its record', async () => {
    renderWithShell(<>{[A, B, GONE].map((u) => <RecordLink key={u} urn={u} />)}</>);
    await waitFor(() => expect(screen.getByRole('link', { name: 'Acme' })).toBeTruthy());
    expect(screen.getByRole('link', { name: 'Acme' }).getAttribute('href')).toBe('/o/partners/partner/11111111-1111-1111-1111-111111111111');
    expect(screen.getByRole('link', { name: 'Umbrella' })).toBeTruthy();
    expect(screen.getByText('Unavailable record').getAttribute('title')).toBe(GONE);
    expect(fake.to('/api/v1/resolve').map((r) => r.body)).toEqual([{ urns: [A, B, GONE] }]);
  });

  it('a refused lookup shows the fallback, not a link', async () => {
    fake.restore();
    fake = fakeApi(() => new Response(JSON.stringify({ status: 403, title: 'Forbidden' }), { status: 403 }));
    renderWithShell(<RecordLink urn={A} fallback="hidden" />);
    await waitFor(() => expect(screen.getByText('hidden')).toBeTruthy());
    expect(screen.queryByRole('link')).toBeNull();
  });
});

describe('DataTable', () => {
  const rows = (page: number) => Array.from({ length: 2 }, (_, i) => ({ id: `p${page}${i}`, name: `Partner ${page}.${i}`, tier: 'gold', score: 10 * page + i }));

  beforeEach(() => {
    fake = fakeApi((r) => {
      if (r.path !== partner.api) return undefined;
      const cursor = r.query.get('cursor');
      const page = cursor ? Number(cursor.slice(1)) : 0;
      return { items: rows(page), nextCursor: page < 2 ? `c${page + 1}` : null };
    });
  });

  const requests = () => fake.to(partner.api).map((r) => ({ sort: r.query.get('sort'), cursor: r.query.get('cursor'), filter: r.query.get('filter'), limit: r.query.get('limit') }));

  it('asks the server for the filtered, sorted first page and pages forward and back by cursor', async () => {
    renderWithShell(<DataTable entity={partner} columns={['name', 'tier', 'score']} filter="tier eq 'gold'" pageSize={2} />);
    await waitFor(() => expect(screen.getByRole('link', { name: 'Partner 0.0' })).toBeTruthy());
    expect(requests()).toEqual([{ sort: '-score,name', cursor: null, filter: "(tier eq 'gold')", limit: '2' }]);
    expect(fake.to(partner.api)[0].query.get('fields')).toBe('id,version,name,tier,score');

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Partner 1.0' })).toBeTruthy());
    expect(requests()[1]).toEqual({ sort: '-score,name', cursor: 'c1', filter: "(tier eq 'gold')", limit: '2' });
    expect(screen.getByText('Page 2')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Partner 2.0' })).toBeTruthy());
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Partner 1.0' })).toBeTruthy());
  });

  it('sorts on the server by a header click and starts again from the first page', async () => {
    renderWithShell(<DataTable entity={partner} columns={['name', 'score']} pageSize={2} />);
    await waitFor(() => expect(screen.getByRole('link', { name: 'Partner 0.0' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Partner 1.0' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Name' }));
    await waitFor(() => expect(requests()).toHaveLength(3));
    expect(requests()[2]).toEqual({ sort: 'name', cursor: null, filter: null, limit: '2' });
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending'));
  });

  it('searches the search fields and shows an empty state when nothing matches', async () => {
    fake.restore();
    fake = fakeApi((r) => (r.path === partner.api ? { items: [] } : undefined));
    renderWithShell(<DataTable entity={partner} searchable />);
    fireEvent.change(screen.getByLabelText('Search partners'), { target: { value: 'zz' } });
    await waitFor(() => expect(fake.to(partner.api).some((r) => (r.query.get('filter') ?? '').includes("'zz'"))).toBe(true));
    await waitFor(() => expect(screen.getByText('No partners')).toBeTruthy());
    expect(screen.getByText('Nothing matches the filter.')).toBeTruthy();
  });
});
