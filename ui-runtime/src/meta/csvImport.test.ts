import { describe, expect, it } from 'vitest';
import { field, partner } from '@prm/ui/testing';
import { guessMapping, importTargets, mapRows, mappingProblems, MAX_IMPORT_ROWS } from './csvImport';

describe('CSV import mapping', () => {
  it('offers money as amount and currency targets and no read-only field', () => {
    const values = importTargets(partner.fields).map((t) => t.value);
    expect(values).toContain('annual_target.amount');
    expect(values).toContain('annual_target.currency');
    expect(values).not.toContain('registration_id');
  });

  it('guesses columns by name or label, each field once', () => {
    const m = guessMapping(['Name', 'TIER', 'Contact email', 'annual_target_currency', 'Annual target', 'name', 'Colour'], partner.fields);
    expect(m).toEqual({
      Name: 'name', TIER: 'tier', 'Contact email': 'contact_email', annual_target_currency: 'annual_target.currency',
      'Annual target': 'annual_target.amount', name: null, Colour: null,
    });
  });

  it('converts cells to typed values, labels to codes, leaves empty cells out', () => {
    const rows = mapRows(
      [{ N: 'Acme', T: 'Gold', S: '42', A: 'yes', Ty: 'reseller; Referral', Amt: '1000.5', Cur: 'eur', E: '' }],
      { N: 'name', T: 'tier', S: 'score', A: 'active', Ty: 'types', Amt: 'annual_target.amount', Cur: 'annual_target.currency', E: 'contact_email' },
      partner.fields,
    );
    expect(rows).toEqual([{ name: 'Acme', tier: 'gold', score: 42, active: true, types: ['reseller', 'referral'], annual_target: { amount: 1000.5, currency: 'EUR' } }]);
  });

  it('keeps invalid cells as text so the server reports them per row', () => {
    expect(mapRows([{ S: 'lots' }], { S: 'score' }, [field('score')])).toEqual([{ score: 'lots' }]);
  });

  it('refuses a mapping without required fields or with too many rows', () => {
    expect(mappingProblems({ a: 'name' }, partner.fields, 3)).toEqual(['Map a column to the required field Tier']);
    expect(mappingProblems({ a: 'name', b: 'tier' }, partner.fields, MAX_IMPORT_ROWS + 1)).toHaveLength(1);
    expect(mappingProblems({ a: 'name', b: 'tier' }, partner.fields, 0)).toEqual(['The file has no data rows']);
  });
});
