// A corpus of edits on every sample module: each edit's diff touches only the lines it concerns,
// the result parses, and it means what the edit intended (checked on the document's value).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { editManifest, parseManifest } from '../yaml/roundTrip';
import { changedLines } from '../yaml/lines';
import * as op from './operations';
import type { Manifest } from './types';

const modulesDir = join(__dirname, '../../../../modules');
const samples = readdirSync(modulesDir).filter((m) => existsSync(join(modulesDir, m, 'module.yaml')));

function load(module: string): { text: string; value: Manifest } {
  const text = readFileSync(join(modulesDir, module, 'module.yaml'), 'utf8');
  return { text, value: parseManifest(text).toJS() as Manifest };
}

function firstEntity(m: Manifest): string {
  return Object.keys(m.entities ?? {})[0];
}

function fieldNames(m: Manifest, entity: string): string[] {
  return Object.keys(m.entities?.[entity]?.fields ?? {});
}

interface Case {
  name: string;
  edit: (doc: Document, m: Manifest) => void;
  /** at most this many lines removed and added */
  removed: number;
  added: number;
  check: (after: Manifest, before: Manifest) => void;
}

const cases: Case[] = [
  {
    name: 'relabel a field',
    edit: (doc, m) => op.setFieldOption(doc, firstEntity(m), fieldNames(m, firstEntity(m))[0], 'label', 'Renamed label'),
    removed: 1, added: 1,
    check: (after, before) => expect(after.entities![firstEntity(before)]!.fields![fieldNames(before, firstEntity(before))[0]]!.label).toBe('Renamed label'),
  },
  {
    name: 'make a field required',
    edit: (doc, m) => op.setFieldOption(doc, firstEntity(m), fieldNames(m, firstEntity(m)).at(-1)!, 'required', true),
    removed: 1, added: 1,
    check: (after, before) => expect(after.entities![firstEntity(before)]!.fields![fieldNames(before, firstEntity(before)).at(-1)!]!.required).toBe(true),
  },
  {
    name: 'add a field',
    edit: (doc, m) => op.addField(doc, firstEntity(m), 'designer_note', { type: 'text', label: 'Designer note', maxLength: 80 }),
    removed: 0, added: 1,
    check: (after, before) => {
      expect(fieldNames(after, firstEntity(before))).toEqual([...fieldNames(before, firstEntity(before)), 'designer_note']);
      expect(after.entities![firstEntity(before)]!.fields!.designer_note).toEqual({ type: 'text', label: 'Designer note', maxLength: 80 });
    },
  },
  {
    name: 'reorder two fields',
    edit: (doc, m) => op.moveField(doc, firstEntity(m), fieldNames(m, firstEntity(m))[1], 0),
    removed: 1, added: 1,
    check: (after, before) => {
      const names = fieldNames(before, firstEntity(before));
      expect(fieldNames(after, firstEntity(before))).toEqual([names[1], names[0], ...names.slice(2)]);
    },
  },
  {
    name: 'change the version',
    edit: (doc) => op.setVersion(doc, '9.0.0'),
    removed: 1, added: 1,
    check: (after) => expect(after.version).toBe('9.0.0'),
  },
  {
    name: 'add a dictionary',
    edit: (doc) => op.addDictionary(doc, 'designer_size', 'Size', ['small', 'large']),
    removed: 0, added: 5,
    check: (after) => expect(after.dictionaries!.designer_size).toEqual({ label: 'Size', values: [{ code: 'small', label: 'Small' }, { code: 'large', label: 'Large' }] }),
  },
  {
    name: 'add a role and grant it read on an entity',
    edit: (doc, m) => {
      op.addRole(doc, 'designer_auditor', 'Auditor');
      op.setGrant(doc, 'designer_auditor', firstEntity(m), 'read', { where: 'created_by eq $user.id' });
    },
    removed: 0, added: 5,
    check: (after, before) => expect(after.permissions!.designer_auditor![firstEntity(before)]).toEqual({ read: { where: 'created_by eq $user.id' } }),
  },
  {
    name: 'add a validation rule',
    edit: (doc, m) => op.addValidation(doc, firstEntity(m), `${fieldNames(m, firstEntity(m))[0]} != ''`, 'Needed'),
    removed: 0, added: 2,
    check: (after, before) => expect(after.entities![firstEntity(before)]!.validations!.at(-1)!.message).toBe('Needed'),
  },
  {
    name: 'acknowledge a drop',
    edit: (doc, m) => op.addDrop(doc, { entity: firstEntity(m), field: 'legacy', allowDataLoss: true }),
    removed: 0, added: 2,
    check: (after, before) => expect(after.migrations!.at(-1)).toEqual({ drop: { entity: firstEntity(before), field: 'legacy', allowDataLoss: true } }),
  },
];

describe.each(samples)('edits of %s', (module) => {
  const { text, value } = load(module);
  it.each(cases)('$name changes only its lines', ({ edit, removed, added, check }) => {
    const after = editManifest(text, (doc) => edit(doc, value));
    const diff = changedLines(text, after);
    expect(diff.removed.length, `removed: ${JSON.stringify(diff.removed)}`).toBeLessThanOrEqual(removed);
    expect(diff.added.length, `added: ${JSON.stringify(diff.added)}`).toBeLessThanOrEqual(added);
    expect(diff.removed.length + diff.added.length).toBeGreaterThan(0);
    const doc = parseManifest(after);
    expect(doc.errors).toEqual([]);
    check(doc.toJS() as Manifest, value);
    // comments of the original survive every edit
    for (const line of text.split('\n').filter((l) => l.trim().startsWith('#'))) expect(after).toContain(line);
  });
});
