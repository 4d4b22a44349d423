import { describe, expect, it } from 'vitest';
import { buildFilter, conditionText, idsFilter, literal, operatorsFor, parseConditions, quote, searchText } from './filter';
import { field, partner } from '../testing/fixtures';

describe('operators by type', () => {
  it('offers text operators for text and ordered ones for numbers and dates', () => {
    expect(operatorsFor(field('name'))).toEqual(['contains', 'startsWith', 'eq', 'ne', 'isNull', 'isNotNull']);
    expect(operatorsFor(field('score'))).toContain('gte');
    expect(operatorsFor(field('score'))).not.toContain('contains');
    expect(operatorsFor(field('joined_on'))).toContain('lt');
    expect(operatorsFor(field('tier'))[0]).toBe('in');
    expect(operatorsFor(field('active'))).toEqual(['eq']);
  });

  it('prefers the operators the server lists and drops unknown ones', () => {
    expect(operatorsFor({ ...field('name'), operators: ['eq', 'like', 'isNull'] })).toEqual(['eq', 'isNull', 'isNotNull']);
  });
});

describe('literals', () => {
  it('quotes text and doubles inner quotes', () => {
    expect(quote("Director's office")).toBe("'Director''s office'");
    expect(literal(field('name'), "O'Neil")).toBe("'O''Neil'");
  });

  it('writes numbers and booleans unquoted only when they are valid', () => {
    expect(literal(field('score'), '42')).toBe('42');
    expect(literal(field('score'), '-1.5e3')).toBe('-1.5e3');
    expect(literal(field('score'), '4 2')).toBe("'4 2'");
    expect(literal(field('active'), 'true')).toBe('true');
    expect(literal(field('name'), '42')).toBe("'42'");
  });
});

describe('conditions', () => {
  it('renders each operator in the filter language', () => {
    expect(conditionText(field('name'), { field: 'name', op: 'contains', value: 'north' })).toBe("name contains 'north'");
    expect(conditionText(field('tier'), { field: 'tier', op: 'in', value: ['gold', 'silver'] })).toBe("tier in ('gold', 'silver')");
    expect(conditionText(field('score'), { field: 'score', op: 'gte', value: '50' })).toBe('score gte 50');
    expect(conditionText(field('website'), { field: 'website', op: 'isNull' })).toBe('website isNull');
    expect(conditionText(field('website'), { field: 'website', op: 'isNotNull' })).toBe('website isNull false');
    expect(conditionText(field('annual_target'), { field: 'annual_target', op: 'gt', value: '1000' })).toBe('annual_target.amount gt 1000');
  });

  it('skips incomplete conditions instead of sending broken text', () => {
    expect(conditionText(field('name'), { field: 'name', op: 'eq', value: '' })).toBeNull();
    expect(conditionText(field('tier'), { field: 'tier', op: 'in', value: [] })).toBeNull();
  });

  it('ands conditions with the quick search over several fields', () => {
    const text = buildFilter(
      partner.fields,
      [{ field: 'tier', op: 'eq', value: 'gold' }, { field: 'score', op: 'gt', value: '10' }, { field: 'unknown', op: 'eq', value: 'x' }],
      { fields: [field('name'), field('contact_email')], term: 'acme' },
    );
    expect(text).toBe("tier eq 'gold' and score gt 10 and (name contains 'acme' or contact_email contains 'acme')");
  });

  it('searches one field without parentheses and ignores a blank term', () => {
    expect(searchText([field('name')], '  nor ')).toBe("name contains 'nor'");
    expect(searchText([field('name')], '   ')).toBeNull();
    expect(buildFilter(partner.fields, [])).toBe('');
  });

  it('lists ids for display-name lookups', () => {
    expect(idsFilter(['a', 'b'])).toBe("id in ('a', 'b')");
  });
});

describe('reading back a filter', () => {
  it('round-trips what the builder writes', () => {
    const conditions = [
      { field: 'tier', op: 'in' as const, value: ['gold', 'silver'] },
      { field: 'score', op: 'gte' as const, value: '50' },
      { field: 'name', op: 'contains' as const, value: "O'Neil" },
      { field: 'website', op: 'isNotNull' as const },
      { field: 'annual_target', op: 'lt' as const, value: '10' },
    ];
    const text = buildFilter(partner.fields, conditions);
    expect(parseConditions(text)).toEqual(conditions);
  });

  it('refuses what it cannot show as simple conditions', () => {
    expect(parseConditions("tier eq 'gold' or score gt 1")).toBeNull();
    expect(parseConditions("not name eq 'x'")).toBeNull();
    expect(parseConditions("name eq 'unterminated")).toBeNull();
    expect(parseConditions("name eq 'x' and")).toBeNull();
    expect(parseConditions('')).toEqual([]);
  });
});
