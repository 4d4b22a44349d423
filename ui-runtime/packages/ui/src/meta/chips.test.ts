import { describe, expect, it } from 'vitest';
import type { FieldMeta } from '../api/types';
import { conditionLabel } from './chips';

const fields: FieldMeta[] = [
  { name: 'tier', label: 'Tier', type: 'dictionary', options: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }] },
  { name: 'score', label: 'Score', type: 'integer' },
  { name: 'active', label: 'Active', type: 'boolean' },
  { name: 'organization', label: 'Organization', type: 'reference' },
];

describe('conditionLabel', () => {
  it('reads dictionary codes as their labels', () => {
    expect(conditionLabel(fields, { field: 'tier', op: 'in', value: ['gold', 'silver'] })).toBe('Tier is any of Gold, Silver');
  });
  it('reads numbers, booleans and empty checks', () => {
    expect(conditionLabel(fields, { field: 'score', op: 'gte', value: '50' })).toBe('Score at least 50');
    expect(conditionLabel(fields, { field: 'active', op: 'eq', value: 'true' })).toBe('Active is Yes');
    expect(conditionLabel(fields, { field: 'score', op: 'isNull' })).toBe('Score is empty');
  });
  it('names references by their resolved names, else the id', () => {
    const names = new Map([['o1', 'Globex Corp']]);
    expect(conditionLabel(fields, { field: 'organization', op: 'eq', value: 'o1' }, names)).toBe('Organization is Globex Corp');
    expect(conditionLabel(fields, { field: 'organization', op: 'eq', value: 'o2' }, names)).toBe('Organization is o2');
  });
  it('falls back to the field name for a field it does not know', () => {
    expect(conditionLabel(fields, { field: 'ghost', op: 'eq', value: 'x' })).toBe('ghost is x');
  });
});
