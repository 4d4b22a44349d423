import { describe, expect, it } from 'vitest';
import { referenceBatches, routeOfApi } from './references';
import { formatValue, recordTitle } from './format';
import { field, partner } from '../testing/fixtures';

describe('reference display names', () => {
  it('asks once per target entity for all distinct ids of a page', () => {
    const records = [
      { id: '1', organization: 'o2', parent: 'p1' },
      { id: '2', organization: 'o1', parent: null },
      { id: '3', organization: 'o2' },
    ];
    const batches = referenceBatches(partner.fields, records);
    expect(batches).toEqual([
      { entity: 'organizations.Organization', api: '/api/v1/organizations/organization', displayField: 'name', ids: ['o1', 'o2'] },
      { entity: 'partners.Partner', api: '/api/v1/partners/partner', displayField: 'name', ids: ['p1'] },
    ]);
  });

  it('skips targets with nothing to resolve', () => {
    expect(referenceBatches(partner.fields, [{ id: '1' }])).toEqual([]);
  });

  it('derives the route of an entity API', () => {
    expect(routeOfApi('/api/v1/deals/deal')).toBe('/o/deals/deal');
  });
});

describe('formatting', () => {
  it('shows labels, money, booleans and resolved references', () => {
    expect(formatValue(field('tier'), 'gold')).toBe('Gold');
    expect(formatValue(field('types'), ['reseller', 'x'])).toBe('Reseller, x');
    expect(formatValue(field('active'), false)).toBe('No');
    expect(formatValue(field('annual_target'), { amount: 1234.5, currency: 'EUR' })).toBe('€1,234.50');
    expect(formatValue(field('organization'), 'o1', new Map([['o1', 'Globex']]))).toBe('Globex');
    expect(formatValue(field('organization'), 'o9', new Map())).toBe('o9');
    expect(formatValue(field('name'), null)).toBe('');
  });

  it('titles a record by its display field, else its id', () => {
    expect(recordTitle(partner, { id: 'x', name: 'Acme' })).toBe('Acme');
    expect(recordTitle(partner, { id: 'x', name: '' })).toBe('x');
  });
});
