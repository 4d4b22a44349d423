import { describe, expect, it } from 'vitest';
import { fieldOfPointer, mapProblem } from './problems';

describe('server errors on form fields', () => {
  it('maps pointers to top-level fields', () => {
    expect(fieldOfPointer('/name')).toBe('name');
    expect(fieldOfPointer('/annual_target/currency')).toBe('annual_target');
    expect(fieldOfPointer('/operations/0/data/tier', '/operations/0/data')).toBe('tier');
    expect(fieldOfPointer('')).toBeNull();
  });

  it('puts errors of shown fields on them and the rest above the form', () => {
    const out = mapProblem(
      {
        status: 422,
        errors: [
          { pointer: '/name', message: 'is required' },
          { pointer: '/score', message: 'must be at most 100' },
          { pointer: '/score', message: 'is odd' },
          { pointer: '/colour', message: 'unknown field' },
          { pointer: '', message: 'Platinum partners need a score of at least 80' },
        ],
      },
      new Set(['name', 'score']),
    );
    expect(out.fields).toEqual({ name: 'is required', score: 'must be at most 100; is odd' });
    expect(out.general).toEqual(['colour: unknown field', 'Platinum partners need a score of at least 80']);
  });

  it('shows the detail of a problem without field errors', () => {
    expect(mapProblem({ status: 403, title: 'Forbidden', detail: 'no update permission' }, new Set()).general).toEqual(['no update permission']);
  });
});
