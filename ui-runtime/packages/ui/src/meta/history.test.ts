import { describe, expect, it } from 'vitest';
import { partner } from '../testing/fixtures';
import { activityRoute, actorName, changeLines, snippetParts, verbOf } from './history';

describe('changeLines', () => {
  it('labels the changed fields in the entity order and formats old and new values', () => {
    const lines = changeLines(partner, { changes: { score: { old: 10, new: 2000 }, tier: { old: 'silver', new: 'gold' }, name: { old: null, new: 'Northwind' } } });
    expect(lines).toEqual([
      { field: 'name', label: 'Name', from: '—', to: 'Northwind' },
      { field: 'tier', label: 'Tier', from: 'Silver', to: 'Gold' },
      { field: 'score', label: 'Score', from: '10', to: '2,000' },
    ]);
  });
  it('shows money in its currency, references by name, unknown fields by their name', () => {
    const names = new Map([['o1', 'Globex']]);
    const lines = changeLines(partner, { changes: { annual_target: { old: null, new: { amount: 5000, currency: 'EUR' } }, organization: { old: 'o1', new: 'o2' }, zz: { old: { a: 1 }, new: 2 } } }, names);
    expect(lines.map((l) => [l.label, l.from, l.to])).toEqual([
      ['Organization', 'Globex', 'o2'], ['Annual target', '—', '€5,000.00'], ['zz', '{"a":1}', '2'],
    ]);
  });
});

describe('actorName and verbOf', () => {
  it('prefers the name, shortens a bare user id, keeps system actors', () => {
    expect(actorName('alice', 'f98e189e-8ae3-394b-8875-d0ae0e9bc28d')).toBe('alice');
    expect(actorName(null, 'f98e189e-8ae3-394b-8875-d0ae0e9bc28d')).toBe('user f98e189e');
    expect(actorName(undefined, 'system')).toBe('system');
    expect(actorName(null, null)).toBe('someone');
    expect(verbOf('updated')).toBe('changed');
    expect(verbOf('frobbed')).toBe('frobbed');
  });
});

describe('activityRoute', () => {
  const entities = { 'partners.Partner': partner };
  it('links an entry about a record of a known entity to its page', () => {
    expect(activityRoute({ id: 1, occurredAt: '', actor: 'a', action: 'created', module: 'partners', entity: 'partner', recordId: 'p1', summary: '' }, entities))
      .toBe('/o/partners/partner/p1');
  });
  it('gives no link for platform entries or entities the caller cannot see', () => {
    expect(activityRoute({ id: 1, occurredAt: '', actor: 'a', action: 'published', summary: 'Published x' }, entities)).toBeNull();
    expect(activityRoute({ id: 1, occurredAt: '', actor: 'a', action: 'created', module: 'deals', entity: 'deal', recordId: 'd1', summary: '' }, entities)).toBeNull();
  });
});

describe('snippetParts', () => {
  it('splits marked matches from the text around them and unescapes entities', () => {
    expect(snippetParts('<mark>North</mark>wind &amp; <mark>Co</mark> &lt;b&gt;')).toEqual([
      { text: 'North', mark: true }, { text: 'wind & ', mark: false }, { text: 'Co', mark: true }, { text: ' <b>', mark: false },
    ]);
  });
  it('is empty for no snippet and keeps other tags as text', () => {
    expect(snippetParts(null)).toEqual([]);
    expect(snippetParts('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>', mark: false }]);
  });
});
