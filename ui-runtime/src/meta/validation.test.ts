import { describe, expect, it } from 'vitest';
import { field } from '@prm/ui/testing';
import { validateAll, validateValue } from './validation';

describe('client validation mirrors the manifest', () => {
  it('requires required fields', () => {
    expect(validateValue(field('name'), '')).toBe('Name is required');
    expect(validateValue(field('name'), '   ')).toBe('Name is required');
    expect(validateValue(field('tier'), null)).toBe('Tier is required');
    expect(validateValue(field('score'), '')).toBeNull();
  });

  it('checks bounds and whole numbers', () => {
    expect(validateValue(field('score'), 101)).toBe('Must be at most 100');
    expect(validateValue(field('score'), -1)).toBe('Must be at least 0');
    expect(validateValue(field('score'), 4.5)).toBe('Enter a whole number');
    expect(validateValue(field('score'), '12')).toBeNull();
    expect(validateValue(field('score'), 'abc')).toBe('Enter a number');
  });

  it('checks lengths and patterns', () => {
    expect(validateValue(field('name'), 'x'.repeat(201))).toBe('At most 200 characters');
    expect(validateValue(field('code'), 'D')).toBe('At least 2 characters');
    expect(validateValue(field('code'), 'de')).toBe('Must match ^[A-Z]{2}$');
    expect(validateValue(field('code'), 'DE')).toBeNull();
  });

  it('checks formats of email, url and json', () => {
    expect(validateValue(field('contact_email'), 'not-an-email')).toMatch(/email/);
    expect(validateValue(field('contact_email'), 'a@b.example')).toBeNull();
    expect(validateValue(field('website'), 'example.com')).toMatch(/URL/);
    expect(validateValue(field('details'), '{"a":')).toBe('Enter valid JSON');
  });

  it('checks money amount and currency', () => {
    expect(validateValue(field('annual_target'), { amount: 10, currency: null })).toBe('Choose a currency');
    expect(validateValue(field('annual_target'), { amount: 10, currency: 'GBP' })).toBe('Currency must be one of EUR, USD');
    expect(validateValue(field('annual_target'), { amount: '', currency: 'EUR' })).toBeNull();
    expect(validateValue(field('annual_target'), { amount: 10, currency: 'EUR' })).toBeNull();
  });

  it('reports every invalid field and skips read-only ones', () => {
    const errors = validateAll([field('name'), field('score'), field('registration_id')], { name: '', score: 500, registration_id: 'x' });
    expect(errors).toEqual({ name: 'Name is required', score: 'Must be at most 100' });
  });
});
