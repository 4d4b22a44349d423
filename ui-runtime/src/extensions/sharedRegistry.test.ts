import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module of the build tool, without types
import { SHARED_EXPORTS } from '../../tools/shared-modules.mjs';
import { shared } from './sharedRegistry';

describe('shared modules', () => {
  it('the shell provides exactly what the extension build treats as shared', () => {
    const exports = SHARED_EXPORTS as Record<string, '*' | string[]>;
    expect(Object.keys(shared).sort()).toEqual(Object.keys(exports).sort());
    for (const [specifier, names] of Object.entries(exports)) {
      const provided = shared[specifier] as Record<string, unknown>;
      if (names === '*') {
        expect(Object.keys(provided), specifier).toEqual(expect.arrayContaining([specifier === 'react/jsx-runtime' ? 'jsx' : specifier === 'react' ? 'useState' : 'DataTable']));
      } else {
        expect(Object.keys(provided).sort(), specifier).toEqual([...names].sort());
        for (const name of names) expect(provided[name], `${specifier} ${name}`).toBeDefined();
      }
    }
  });
});
