import { describe, expect, it } from 'vitest';
import { partner } from '@prm/ui/testing';
import { paletteActions } from './CommandPalette';

describe('command palette', () => {
  const ui = {
    user: { username: 'carol', tenant: 'acme', roles: ['partner_viewer'] },
    navigation: [{ section: 'eco', label: 'Ecosystem', items: [{ entity: 'partners.Partner', label: 'Partners', route: '/o/partners/partner' }] }],
    entities: {
      'partners.Partner': partner,
      'deals.Deal': { ...partner, name: 'Deal', label: 'Deal', route: '/o/deals/deal', actions: { ...partner.actions, create: false } },
    },
  };

  it('jumps to every navigation item and creates only what the user may create', () => {
    const visited: string[] = [];
    const groups = paletteActions(ui, (r) => visited.push(r));
    const open = groups.find((g) => g.group === 'Open')!.actions;
    const create = groups.find((g) => g.group === 'Create')!.actions;
    expect(open.map((a) => a.label)).toEqual(['Go to Partners']);
    expect(create.map((a) => a.label)).toEqual(['New Partner']);
    create[0].onClick?.({} as never);
    open[0].onClick?.({} as never);
    expect(visited).toEqual(['/o/partners/partner/new', '/o/partners/partner']);
  });
});
