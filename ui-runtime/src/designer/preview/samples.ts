import type { EntityMeta, FieldMeta, RecordData, UiMetadata } from '@prm/ui';
// Sample records for the preview, generated from the preview's UI metadata: a few per entity, with
// values every field's type and bounds accept, references pointing at sample records of their target.

export const SAMPLES_PER_ENTITY = 3;

const WORDS = ['Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella'];

function sampleId(entity: string, n: number): string {
  let hash = 0;
  for (const ch of entity) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hex = (hash.toString(16) + '00000000').slice(0, 8);
  return `${hex}-0000-4000-8000-${String(n + 1).padStart(12, '0')}`;
}

function clamp(value: number, field: FieldMeta): number {
  const min = field.min ?? -Infinity;
  const max = field.max ?? Infinity;
  return Math.min(Math.max(value, min), max);
}

/** A value of `field` for the n-th sample record; null when the type has no sensible sample. */
export function sampleValue(field: FieldMeta, n: number, ui: UiMetadata): unknown {
  const word = WORDS[n % WORDS.length];
  const cut = (s: string) => (field.maxLength ? s.slice(0, field.maxLength) : s);
  switch (field.type) {
    case 'text':
      return cut(field.name === 'name' || field.name === 'title' ? word : `${field.label} ${n + 1}`);
    case 'longtext':
    case 'longText':
      return cut(`A sample ${field.label.toLowerCase()} for ${word}.`);
    case 'integer':
    case 'bigint':
      return Math.round(clamp((n + 1) * 10, field));
    case 'decimal':
      return clamp((n + 1) * 12.5, field);
    case 'money':
      return { amount: clamp((n + 1) * 1000, field), currency: field.currencies?.[0] ?? 'EUR' };
    case 'boolean':
      return n % 2 === 0;
    case 'date':
      return `2026-0${(n % 9) + 1}-15`;
    case 'datetime':
      return `2026-0${(n % 9) + 1}-15T10:00:00Z`;
    case 'email':
      return `${word.toLowerCase()}@example.com`;
    case 'url':
      return `https://${word.toLowerCase()}.example.com`;
    case 'phone':
      return `+1 555 010${n}`;
    case 'uuid':
      return sampleId(field.name, n);
    case 'json':
      return { sample: n + 1 };
    case 'dictionary':
      return field.options?.length ? field.options[n % field.options.length].value : null;
    case 'multidictionary':
      return field.options?.length ? [field.options[n % field.options.length].value] : [];
    case 'reference': {
      const target = field.reference?.entity;
      return target && ui.entities[target] ? sampleId(target, n % SAMPLES_PER_ENTITY) : null;
    }
    default:
      return null;
  }
}

/** Sample records of every entity of `module` in the preview metadata (and of the entities they reference). */
export function sampleRecords(ui: UiMetadata, module: string): Map<string, RecordData[]> {
  const out = new Map<string, RecordData[]>();
  const now = '2026-12-01T09:00:00Z';
  for (const [key, entity] of Object.entries(ui.entities) as Array<[string, EntityMeta]>) {
    if (entity.module !== module && !referencedFrom(ui, module, key)) continue;
    const records: RecordData[] = [];
    for (let n = 0; n < SAMPLES_PER_ENTITY; n++) {
      const record: RecordData = { id: sampleId(key, n), version: 1, created_at: now, updated_at: now, created_by: 'preview', updated_by: 'preview' };
      for (const field of entity.fields) record[field.name] = sampleValue(field, n, ui);
      records.push(record);
    }
    out.set(entity.api, records);
  }
  return out;
}

function referencedFrom(ui: UiMetadata, module: string, target: string): boolean {
  return Object.values(ui.entities).some((e) => e.module === module && e.fields.some((f) => f.reference?.entity === target));
}
