// The YAML round trip on every sample module: unchanged text comes back byte for byte, and each
// edit of a corpus changes only the lines it concerns (ADR 0100).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editManifest, parseManifest, writeBack } from './roundTrip';
import { changedLines, merge3 } from './lines';

const modulesDir = join(__dirname, '../../../../modules');
const samples = readdirSync(modulesDir)
  .map((m) => join(modulesDir, m, 'module.yaml'))
  .filter((f) => existsSync(f));

describe('round trip of the sample modules', () => {
  it('finds the samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(4);
  });
  for (const file of samples) {
    it(`${file.split('/').slice(-2).join('/')} is byte-identical when nothing changes`, () => {
      const text = readFileSync(file, 'utf8');
      expect(writeBack(text, parseManifest(text))).toBe(text);
      expect(editManifest(text, () => {})).toBe(text);
    });
  }
});

describe('merge3', () => {
  it('keeps our formatting where theirs did not change and takes theirs where it did', () => {
    const base = ['a: [ 1 ]', 'b: 2', 'c: 3'];
    const ours = ['a: [1]', 'b: 2', 'c: 3'];
    const theirs = ['a: [ 1 ]', 'b: 2', 'c: 4'];
    expect(merge3(base, ours, theirs)).toEqual(['a: [1]', 'b: 2', 'c: 4']);
  });
  it('takes theirs when both changed a line', () => {
    expect(merge3(['x: [ 1 ]'], ['x: [1]'], ['x: [ 2 ]'])).toEqual(['x: [ 2 ]']);
  });
  it('handles insertions at the start and the end', () => {
    expect(merge3(['a'], ['a'], ['z', 'a', 'b'])).toEqual(['z', 'a', 'b']);
  });
});

describe('changedLines', () => {
  it('counts removed and added lines', () => {
    expect(changedLines('a\nb\nc', 'a\nB\nc')).toEqual({ removed: ['b'], added: ['B'] });
  });
});
