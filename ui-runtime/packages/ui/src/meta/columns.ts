// Which columns a list shows and in which order it sorts, from metadata and the user's choices.
import type { EntityMeta, FieldMeta } from '../api/types';

const HIDDEN_BY_DEFAULT = new Set(['json', 'longtext', 'longText']);

/** Fields by name; fields the caller cannot read are absent from the metadata, hence from here. */
export function fieldMap(entity: EntityMeta): Map<string, FieldMeta> {
  return new Map(entity.fields.map((f) => [f.name, f]));
}

/**
 * The columns to show: the user's choice when there is one, else the manifest's list columns,
 * else the first six fields that read well in a table. Unknown (hidden) names are dropped.
 */
export function visibleColumns(entity: EntityMeta, chosen?: string[] | null): FieldMeta[] {
  const fields = fieldMap(entity);
  const pick = (names: string[]) => names.map((n) => fields.get(n)).filter((f): f is FieldMeta => !!f);
  if (chosen && chosen.length > 0) {
    const picked = pick(chosen);
    if (picked.length > 0) return picked;
  }
  const declared = pick(entity.list?.columns ?? []);
  if (declared.length > 0) return declared;
  return entity.fields.filter((f) => !HIDDEN_BY_DEFAULT.has(f.type)).slice(0, 6);
}

/** Every field the column chooser offers, in declaration order. */
export function choosableColumns(entity: EntityMeta): FieldMeta[] {
  return entity.fields.filter((f) => f.type !== 'json');
}

export interface SortKey {
  field: string;
  desc: boolean;
}

export function parseSort(keys: string[] | string | null | undefined): SortKey[] {
  const list = Array.isArray(keys) ? keys : (keys ?? '').split(',');
  return list
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => (k.startsWith('-') ? { field: k.slice(1), desc: true } : { field: k.replace(/^\+/, ''), desc: false }));
}

export function sortParam(keys: SortKey[], entity?: EntityMeta): string {
  const fields = entity ? fieldMap(entity) : null;
  return keys
    .map((k) => {
      const f = fields?.get(k.field);
      const path = f?.type === 'money' ? `${k.field}.amount` : k.field;
      return (k.desc ? '-' : '') + path;
    })
    .join(',');
}

/**
 * A header click: an unsorted column becomes the single ascending key, ascending turns
 * descending, descending returns to the entity's default order (empty).
 */
export function toggleSort(current: SortKey[], field: string): SortKey[] {
  const first = current[0];
  if (!first || first.field !== field) return [{ field, desc: false }];
  if (!first.desc) return [{ field, desc: true }];
  return [];
}

export function isSortable(field: FieldMeta): boolean {
  return !!field.sortable;
}

/** The field whose value names a record: the declared display field, else the first text field. */
export function displayFieldOf(entity: EntityMeta): string | null {
  if (entity.displayField && entity.fields.some((f) => f.name === entity.displayField)) return entity.displayField;
  const text = entity.fields.find((f) => f.type === 'text');
  return text ? text.name : null;
}

export function searchFieldsOf(entity: EntityMeta): FieldMeta[] {
  const fields = fieldMap(entity);
  const declared = (entity.list?.searchFields ?? []).map((n) => fields.get(n)).filter((f): f is FieldMeta => !!f);
  if (declared.length > 0) return declared;
  const searchable = entity.fields.filter((f) => f.searchable && f.filterable !== false);
  if (searchable.length > 0) return searchable;
  const display = displayFieldOf(entity);
  return display && fields.get(display) ? [fields.get(display)!] : [];
}

/** The filterable fields the filter builder offers: the manifest's list filters first. */
export function filterableFields(entity: EntityMeta): FieldMeta[] {
  const all = entity.fields.filter((f) => f.filterable);
  const first = new Set(entity.list?.filters ?? []);
  return [...all.filter((f) => first.has(f.name)), ...all.filter((f) => !first.has(f.name))];
}
