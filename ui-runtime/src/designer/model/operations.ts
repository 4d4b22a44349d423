// What the visual editor does to a manifest, as edits of the YAML document (see edits.ts): each
// keeps the rest of the text as the author wrote it. Renames and removals also update the places
// that name the field or entity (list columns, sections, permissions, ...), so the result still
// passes the checks the server runs.
import { Document, isMap, isScalar, isSeq, YAMLMap } from 'yaml';
import { addKey, appendItem, ensureMap, keyOf, moveKey, nodeAt, removeItem, removeKey, renameKey, setValue, type Path } from './edits';
import type { Json } from './types';
import { editManifest } from '../yaml/roundTrip';

const fieldsOf = (entity: string): Path => ['entities', entity, 'fields'];

export function addEntity(doc: Document, name: string, label?: string): void {
  const entity = new YAMLMap();
  if (label) entity.set('label', label);
  ensureMap(doc, ['entities']);
  doc.setIn(['entities', name], entity);
  addKey(doc, fieldsOf(name), 'name', { type: 'text', label: 'Name', required: true, filterable: true, sortable: true });
}

export function addField(doc: Document, entity: string, name: string, def: Record<string, Json>): void {
  addKey(doc, fieldsOf(entity), name, def);
}

export function setFieldOption(doc: Document, entity: string, field: string, option: string, value: unknown): void {
  setValue(doc, [...fieldsOf(entity), field, option], value);
}

export function moveField(doc: Document, entity: string, field: string, toIndex: number): void {
  moveKey(doc, fieldsOf(entity), field, toIndex);
}

/**
 * Renames a field. When the old name is installed (published), the field records `renamedFrom`
 * so publishing renames the column and keeps its values; a field renamed twice keeps its first name.
 */
export function renameField(doc: Document, entity: string, from: string, to: string, installed: boolean): void {
  const fieldPath = [...fieldsOf(entity), from];
  const hadRenamedFrom = doc.getIn([...fieldPath, 'renamedFrom']);
  renameKey(doc, fieldsOf(entity), from, to);
  if (installed && !hadRenamedFrom) setValue(doc, [...fieldsOf(entity), to, 'renamedFrom'], from);
  replaceNames(doc, entity, from, to);
}

/** Removes a field and every mention of it in the entity's UI hints, permissions, validations and indexes. */
export function removeField(doc: Document, entity: string, field: string): void {
  removeKey(doc, [...fieldsOf(entity), field]);
  replaceNames(doc, entity, field, null);
}

/** Renames (or, with null, removes) a field name wherever the manifest lists it for `entity`. */
function replaceNames(doc: Document, entity: string, from: string, to: string | null): void {
  const e = ['entities', entity];
  const lists: Path[] = [
    [...e, 'summary'],
    [...e, 'ui', 'list', 'columns'],
    [...e, 'ui', 'list', 'sort'],
    [...e, 'ui', 'list', 'filters'],
    [...e, 'ui', 'list', 'searchFields'],
  ];
  for (const section of ['form', 'detail']) {
    const sections = nodeAt(doc, [...e, 'ui', section, 'sections']);
    if (isSeq(sections)) sections.items.forEach((_, i) => lists.push([...e, 'ui', section, 'sections', i, 'fields']));
  }
  const indexes = nodeAt(doc, [...e, 'indexes']);
  if (isSeq(indexes)) indexes.items.forEach((_, i) => lists.push([...e, 'indexes', i, 'fields']));
  for (const list of lists) replaceInList(doc, list, from, to);
  const validations = nodeAt(doc, [...e, 'validations']);
  if (isSeq(validations)) {
    validations.items.forEach((_, i) => {
      if (doc.getIn([...e, 'validations', i, 'field']) === from) setValue(doc, [...e, 'validations', i, 'field'], to ?? undefined);
    });
  }
  if (doc.getIn([...e, 'workflow', 'field']) === from && to) setValue(doc, [...e, 'workflow', 'field'], to);
  const display = doc.getIn([...e, 'display']);
  if (typeof display === 'string' && to) {
    setValue(doc, [...e, 'display'], display.replace(new RegExp(`\\$(\\{)?${from}\\b`, 'g'), (_m, brace) => `$${brace ?? ''}${to}`));
  }
  const permissions = nodeAt(doc, ['permissions']);
  if (isMap(permissions)) {
    for (const role of permissions.items) {
      const roleName = keyOf(role);
      for (const grantKey of [entity, `${doc.get('module')}.${entity}`]) {
        const fields = nodeAt(doc, ['permissions', roleName, grantKey, 'fields']);
        if (!isMap(fields) || !fields.has(from)) continue;
        if (to) renameKey(doc, ['permissions', roleName, grantKey, 'fields'], from, to);
        else removeKey(doc, ['permissions', roleName, grantKey, 'fields', from]);
      }
    }
  }
}

function replaceInList(doc: Document, path: Path, from: string, to: string | null): void {
  const seq = nodeAt(doc, path);
  if (!isSeq(seq)) return;
  for (let i = seq.items.length - 1; i >= 0; i--) {
    const item = seq.items[i];
    if (!isScalar(item) || typeof item.value !== 'string') continue;
    const desc = item.value.startsWith('-');
    const name = desc ? item.value.slice(1) : item.value;
    if (name !== from) continue;
    if (to) item.value = (desc ? '-' : '') + to;
    else removeItem(doc, path, i);
  }
}

export function renameEntity(doc: Document, from: string, to: string, installed: boolean): void {
  const hadRenamedFrom = doc.getIn(['entities', from, 'renamedFrom']);
  renameKey(doc, ['entities'], from, to);
  if (installed && !hadRenamedFrom) setValue(doc, ['entities', to, 'renamedFrom'], from);
  const permissions = nodeAt(doc, ['permissions']);
  if (isMap(permissions)) for (const role of permissions.items) renameKey(doc, ['permissions', keyOf(role)], from, to);
  const entities = nodeAt(doc, ['entities']);
  if (isMap(entities)) {
    for (const pair of entities.items) {
      const fields = nodeAt(doc, [...fieldsOf(keyOf(pair))]);
      if (!isMap(fields)) continue;
      for (const field of fields.items) {
        if (doc.getIn([...fieldsOf(keyOf(pair)), keyOf(field), 'to']) === from) setFieldOption(doc, keyOf(pair), keyOf(field), 'to', to);
      }
    }
  }
}

export function removeEntity(doc: Document, name: string): void {
  removeKey(doc, ['entities', name]);
  const permissions = nodeAt(doc, ['permissions']);
  if (isMap(permissions)) for (const role of [...permissions.items]) removeKey(doc, ['permissions', keyOf(role), name]);
}

// ---- dictionaries ----

/** Turns the shorthand `region: [emea, amer]` into the full form, so values can carry labels. */
function fullDictionary(doc: Document, name: string): void {
  const node = nodeAt(doc, ['dictionaries', name]);
  if (!isSeq(node)) return;
  const codes = node.items.map((i) => (isScalar(i) ? String(i.value) : String(i)));
  const full = new YAMLMap();
  const values = doc.createNode(codes.map((code) => ({ code })));
  if (isSeq(values)) values.items.forEach((item) => { if (isMap(item)) item.flow = true; });
  full.set('values', values);
  doc.setIn(['dictionaries', name], full);
}

export function addDictionary(doc: Document, name: string, label: string | undefined, codes: string[]): void {
  const dictionary = new YAMLMap();
  if (label) dictionary.set('label', label);
  ensureMap(doc, ['dictionaries']);
  doc.setIn(['dictionaries', name], dictionary);
  for (const code of codes) appendItem(doc, ['dictionaries', name, 'values'], { code, label: humanize(code) });
}

export function addDictionaryValue(doc: Document, name: string, code: string, label?: string): void {
  fullDictionary(doc, name);
  appendItem(doc, ['dictionaries', name, 'values'], label ? { code, label } : { code });
}

export function setDictionaryValue(doc: Document, name: string, index: number, key: string, value: unknown): void {
  fullDictionary(doc, name);
  const item = doc.getIn(['dictionaries', name, 'values', index], true);
  if (isScalar(item)) doc.setIn(['dictionaries', name, 'values', index], doc.createNode({ code: item.value }, { flow: true }));
  setValue(doc, ['dictionaries', name, 'values', index, key], value);
}

export function removeDictionaryValue(doc: Document, name: string, index: number): void {
  fullDictionary(doc, name);
  removeItem(doc, ['dictionaries', name, 'values'], index);
}

// ---- roles and permissions ----

export function addRole(doc: Document, name: string, label?: string): void {
  addKey(doc, ['roles'], name, label ? { label } : {});
}

/** Sets one operation of a role's grant on an entity; a new grant is written on one line. */
export function setGrant(doc: Document, role: string, entity: string, operation: string, value: unknown): void {
  const grant = nodeAt(doc, ['permissions', role, entity]);
  if (!isMap(grant)) {
    if (value === undefined || value === 'none' || value === false) return;
    addKey(doc, ['permissions', role], entity, { [operation]: value });
    return;
  }
  setValue(doc, ['permissions', role, entity, operation], value === 'none' || value === false ? undefined : value);
}

export function setFieldAccess(doc: Document, role: string, entity: string, field: string, access: string | undefined): void {
  const grant = nodeAt(doc, ['permissions', role, entity]);
  if (!isMap(grant)) {
    if (!access) return;
    addKey(doc, ['permissions', role], entity, { fields: { [field]: access } });
    return;
  }
  if (!grant.has('fields') && access) {
    setValue(doc, ['permissions', role, entity, 'fields'], { [field]: access });
    return;
  }
  setValue(doc, ['permissions', role, entity, 'fields', field], access);
}

// ---- workflow, validations, events, slots, migrations ----

export function setWorkflow(doc: Document, entity: string, field: string, initial: string): void {
  setValue(doc, ['entities', entity, 'workflow', 'field'], field);
  setValue(doc, ['entities', entity, 'workflow', 'initial'], initial);
}

export function addTransition(doc: Document, entity: string, name: string, def: Record<string, Json>): void {
  addKey(doc, ['entities', entity, 'workflow', 'transitions'], name, def);
}

export function setTransition(doc: Document, entity: string, name: string, key: string, value: unknown): void {
  setValue(doc, ['entities', entity, 'workflow', 'transitions', name, key], value);
}

export function removeTransition(doc: Document, entity: string, name: string): void {
  removeKey(doc, ['entities', entity, 'workflow', 'transitions', name]);
}

export function addValidation(doc: Document, entity: string, rule: string, message: string, field?: string): void {
  appendItem(doc, ['entities', entity, 'validations'], field ? { rule, message, field } : { rule, message });
}

export function removeValidation(doc: Document, entity: string, index: number): void {
  removeItem(doc, ['entities', entity, 'validations'], index);
}

export function addDrop(doc: Document, drop: Record<string, Json>): void {
  appendItem(doc, ['migrations'], { drop });
}

export function setVersion(doc: Document, version: string): void {
  setValue(doc, ['version'], version);
}

export function humanize(name: string): string {
  const spaced = name.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Writes what confirmed consequences demand: their drop directives and the version. */
export function editConfirmed(text: string, consequences: Array<{ drop?: Record<string, Json>; version?: string }>): string {
  return editManifest(text, (doc) => {
    for (const c of consequences) {
      if (c.drop) addDrop(doc, c.drop);
      if (c.version) setVersion(doc, c.version);
    }
  });
}
