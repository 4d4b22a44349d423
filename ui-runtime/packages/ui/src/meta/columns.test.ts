import { describe, expect, it } from 'vitest';
import { choosableColumns, displayFieldOf, filterableFields, parseSort, searchFieldsOf, sortParam, toggleSort, visibleColumns } from './columns';
import { partner } from '../testing/fixtures';

const names = (fs: { name: string }[]) => fs.map((x) => x.name);

describe('columns', () => {
  it('shows the manifest columns, without fields the caller cannot read', () => {
    expect(names(visibleColumns(partner))).toEqual(['name', 'tier', 'score']);
  });

  it('prefers the user choice, and falls back when nothing of it is readable', () => {
    expect(names(visibleColumns(partner, ['score', 'name']))).toEqual(['score', 'name']);
    expect(names(visibleColumns(partner, ['hidden_field']))).toEqual(['name', 'tier', 'score']);
  });

  it('defaults to six table-friendly fields when the manifest has no list', () => {
    const bare = { ...partner, list: { columns: [], sort: [], filters: [], searchFields: [] } };
    const cols = names(visibleColumns(bare));
    expect(cols).toHaveLength(6);
    expect(cols).not.toContain('notes');
    expect(cols).not.toContain('details');
  });

  it('does not offer json fields as columns', () => {
    expect(names(choosableColumns(partner))).not.toContain('details');
  });
});

describe('sorting', () => {
  it('parses and prints sort keys, money by its amount', () => {
    expect(parseSort(['-score', 'name'])).toEqual([{ field: 'score', desc: true }, { field: 'name', desc: false }]);
    expect(parseSort('+name, -joined_on')).toEqual([{ field: 'name', desc: false }, { field: 'joined_on', desc: true }]);
    expect(sortParam([{ field: 'annual_target', desc: true }, { field: 'name', desc: false }], partner)).toBe('-annual_target.amount,name');
  });

  it('cycles a header through ascending, descending and the default order', () => {
    const a = toggleSort([{ field: 'score', desc: true }], 'name');
    expect(a).toEqual([{ field: 'name', desc: false }]);
    const b = toggleSort(a, 'name');
    expect(b).toEqual([{ field: 'name', desc: true }]);
    expect(toggleSort(b, 'name')).toEqual([]);
  });
});

describe('display, search and filter fields', () => {
  it('uses the declared display field, else the first text field', () => {
    expect(displayFieldOf(partner)).toBe('name');
    expect(displayFieldOf({ ...partner, displayField: 'gone' })).toBe('name');
  });

  it('searches the declared search fields, else searchable ones', () => {
    expect(names(searchFieldsOf(partner))).toEqual(['name']);
    const noHints = { ...partner, list: { ...partner.list, searchFields: [] } };
    expect(names(searchFieldsOf(noHints))).toEqual(['name', 'contact_email']);
  });

  it('offers filterable fields with the manifest filters first', () => {
    const fs = names(filterableFields(partner));
    expect(fs.slice(0, 2)).toEqual(['tier', 'score']);
    expect(fs).not.toContain('notes');
  });
});
