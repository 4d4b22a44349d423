import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@prm/ui';
import { partner } from '@prm/ui/testing';
import { conflictAuthors, conflictRows } from './conflict';
import { toFormValues } from './formValues';

const fields = partner.fields.filter((f) => ['name', 'tier', 'score', 'region'].includes(f.name) || f.name === 'active');
const base = { id: 'p1', version: 3, name: 'Northwind', tier: 'silver', score: 10, active: true };
const latest = { ...base, version: 4, tier: 'gold', updated_by: 'f98e189e-8ae3-394b-8875-d0ae0e9bc28d' };

describe('conflictRows', () => {
  it('lists the fields they changed and the fields I changed, with both values', () => {
    const initial = toFormValues(fields, base);
    const current = { ...initial, score: '90' };
    expect(conflictRows(fields, base, latest, initial, current)).toEqual([
      { field: 'tier', label: 'Tier', theirs: 'Gold', yours: 'unchanged', changedByThem: true, changedByMe: false },
      { field: 'score', label: 'Score', theirs: '10', yours: '90', changedByThem: false, changedByMe: true },
    ]);
  });
  it('is empty when nothing differs', () => {
    const initial = toFormValues(fields, base);
    expect(conflictRows(fields, base, { ...base, version: 4 }, initial, initial)).toEqual([]);
  });
});

describe('conflictAuthors', () => {
  const entry = (version: number, name: string | null): HistoryEntry => ({
    id: version, version, operation: 'updated', changedBy: 'f98e189e-8ae3-394b-8875-d0ae0e9bc28d', changedByName: name, changedAt: '', changes: {},
  });
  it('names the authors of the newer versions from the history, once each', () => {
    expect(conflictAuthors(3, [entry(6, 'bob'), entry(5, 'bob'), entry(4, 'carol'), entry(3, 'alice')], latest)).toEqual(['bob', 'carol']);
  });
  it('never shows a raw user id', () => {
    expect(conflictAuthors(3, null, latest)).toBeNull();
    expect(conflictAuthors(3, null, { ...latest, updated_by: 'bob' })).toEqual(['bob']);
    expect(conflictAuthors(3, [entry(4, null)], latest)).toEqual(['user f98e189e']);
  });
});
