// @vitest-environment jsdom
// RecordTable's two layouts: a table with numbers right-aligned, and cards (phones, sidebars).
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { field, partner } from '../../testing/fixtures';
import { renderWithShell } from '../../testing/render';
import { RecordTable } from '../RecordTable';

afterEach(cleanup);

const records = [
  { id: 'p1', version: 1, name: 'Northwind', tier: 'gold', score: 87 },
  { id: 'p2', version: 1, name: 'Contoso', tier: 'silver', score: 5 },
];
const columns = [field('name'), field('tier'), field('score')];

describe('RecordTable', () => {
  it('right-aligns numeric columns in the table layout', () => {
    renderWithShell(<RecordTable entity={partner} columns={columns} records={records} loading={false} sortKeys={[]} onSort={() => undefined} layout="table" />);
    const table = screen.getByRole('table', { name: 'Partners' });
    expect(within(table).getByRole('columnheader', { name: /Score/ }).className).toContain('prm-num');
    expect(within(table).getByText('87').closest('td')?.className).toContain('prm-num');
    expect(within(table).getByText('Gold').closest('td')?.className ?? '').not.toContain('prm-num');
  });

  it('shows one card per record with its title link, labelled fields and a selection box', () => {
    let chosen: Record<string, unknown> = {};
    renderWithShell(<RecordTable entity={partner} columns={columns} records={records} loading={false} sortKeys={[]} onSort={() => undefined}
      layout="cards" selectable onSelect={(s) => { chosen = s; }} />);
    expect(screen.queryByRole('table')).toBeNull();
    const list = screen.getByRole('list', { name: 'Partners' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByRole('link', { name: 'Northwind' }).getAttribute('href')).toBe('/o/partners/partner/p1');
    expect(within(cards[0]).getByText('Tier')).toBeTruthy();
    expect(within(cards[0]).getByText('Gold')).toBeTruthy();
    within(cards[1]).getByRole('checkbox', { name: 'Select Contoso' }).click();
    expect(Object.keys(chosen)).toEqual(['p2']);
  });
});
