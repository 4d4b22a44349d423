import { describe, expect, it } from 'vitest';
import { field } from '@prm/ui/testing';
import { changedFields, isoDateTime, localDateTime, toFormValues, toPayload } from './formValues';

const fields = ['name', 'tier', 'types', 'score', 'active', 'annual_target', 'details', 'registration_id', 'joined_on'].map(field);

describe('form values', () => {
  it('starts a new record from empty inputs of the right shape', () => {
    const v = toFormValues(fields);
    expect(v).toMatchObject({ name: '', tier: null, types: [], score: '', active: false, joined_on: null });
    expect(v.annual_target).toEqual({ amount: '', currency: 'EUR' });
  });

  it('loads a record, json as text', () => {
    const v = toFormValues(fields, { id: '1', version: 3, name: 'Acme', annual_target: { amount: 5, currency: 'USD' }, details: { a: 1 } });
    expect(v.name).toBe('Acme');
    expect(v.annual_target).toEqual({ amount: 5, currency: 'USD' });
    expect(JSON.parse(v.details as string)).toEqual({ a: 1 });
  });

  it('leaves empty fields out of a create so the server applies defaults', () => {
    const body = toPayload(fields, { ...toFormValues(fields), name: ' Northwind ', score: '87', annual_target: { amount: '1000', currency: 'EUR' } }, 'create');
    expect(body).toEqual({ name: 'Northwind', score: 87, annual_target: { amount: 1000, currency: 'EUR' } });
  });

  it('sends only changed fields on update, clearing as null, never read-only ones', () => {
    const initial = toFormValues(fields, { id: '1', name: 'Acme', score: 10, joined_on: '2024-01-02', registration_id: 'r' });
    const current = { ...initial, score: 20, joined_on: null, registration_id: 'changed' };
    const changed = changedFields(fields, initial, current);
    expect([...changed].sort()).toEqual(['joined_on', 'registration_id', 'score']);
    expect(toPayload(fields, current, 'update', changed)).toEqual({ score: 20, joined_on: null });
  });

  it('parses json text back into a value', () => {
    const body = toPayload([field('details')], { details: '{"x": [1, 2]}' }, 'create');
    expect(body).toEqual({ details: { x: [1, 2] } });
  });

  it('converts date-times between the picker and ISO instants', () => {
    const iso = '2024-05-06T07:08:09.000Z';
    expect(isoDateTime(localDateTime(iso))).toBe(iso);
  });
});
