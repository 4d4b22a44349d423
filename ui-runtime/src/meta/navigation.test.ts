import { describe, expect, it } from 'vitest';
import { partner } from '@prm/ui/testing';
import { entityAt, orderedNavigation, withExtensionPages } from './navigation';

describe('navigation', () => {
  it('orders sections and items and drops empty sections', () => {
    const nav = orderedNavigation([
      { section: 'sales', label: 'Sales', order: 20, items: [{ entity: 'deals.Deal', label: 'Deals', route: '/o/deals/deal', order: 10 }] },
      { section: 'empty', label: 'Empty', order: 1, items: [] },
      { section: 'eco', label: 'Ecosystem', order: 10, items: [
        { entity: 'organizations.Organization', label: 'Organizations', route: '/o/organizations/organization', order: 10 },
        { entity: 'partners.Partner', label: 'Partners', route: '/o/partners/partner', order: 5 },
      ] },
    ]);
    expect(nav.map((s) => s.section)).toEqual(['eco', 'sales']);
    expect(nav[0].items.map((i) => i.label)).toEqual(['Partners', 'Organizations']);
  });

  it('finds the entity of a route', () => {
    const ui = { user: { username: 'a', tenant: 't', roles: [] }, navigation: [], entities: { 'partners.Partner': partner } };
    expect(entityAt(ui, 'partners', 'partner')?.[0]).toBe('partners.Partner');
    expect(entityAt(ui, 'partners', 'nope')).toBeNull();
  });

  it('adds the pages modules ship to their section, after its entities, and creates a missing section', () => {
    const nav = orderedNavigation(withExtensionPages(
      [{ section: 'sales', label: 'Sales', order: 20, items: [{ entity: 'deals.Deal', label: 'Deals', route: '/o/deals/deal', order: 10 }] }],
      [{ module: 'deals', url: '/x.js', widgets: [], pages: [
        { name: 'pipeline-board', title: 'Pipeline', section: 'sales', route: '/x/deals/pipeline-board' },
        { name: 'map', title: 'Map', section: 'field_ops', route: '/x/deals/map' },
      ] }],
    ));
    expect(nav.map((s) => s.label)).toEqual(['Sales', 'Field ops']);
    expect(nav[0].items.map((i) => [i.label, i.route])).toEqual([['Deals', '/o/deals/deal'], ['Pipeline', '/x/deals/pipeline-board']]);
    expect(nav[1].items[0].entity).toBe('page:deals.map');
  });
});
