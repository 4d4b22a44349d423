// Display names of referenced records: one list request per target entity per page
// (filter id in (...)), never one per row.
import type { FieldMeta, RecordData } from '../api/types';

export interface ReferenceBatch {
  entity: string;
  api: string;
  displayField: string | null;
  ids: string[];
}

/** The referenced ids of the given records, grouped by target entity. */
export function referenceBatches(fields: FieldMeta[], records: RecordData[]): ReferenceBatch[] {
  const byEntity = new Map<string, ReferenceBatch & { seen: Set<string> }>();
  for (const f of fields) {
    if (f.type !== 'reference' || !f.reference) continue;
    const key = f.reference.entity;
    let batch = byEntity.get(key);
    if (!batch) {
      batch = { entity: key, api: f.reference.api, displayField: f.reference.displayField, ids: [], seen: new Set() };
      byEntity.set(key, batch);
    }
    for (const r of records) {
      const id = r[f.name];
      if (typeof id === 'string' && id && !batch.seen.has(id)) {
        batch.seen.add(id);
        batch.ids.push(id);
      }
    }
  }
  return [...byEntity.values()]
    .filter((b) => b.ids.length > 0)
    .map(({ entity, api, displayField, ids }) => ({ entity, api, displayField, ids: [...ids].sort() }));
}

/** The route of the entity whose API is given: /api/v1/{m}/{e} → /o/{m}/{e}. */
export function routeOfApi(api: string): string {
  return api.replace(/^\/api\/v1\//, '/o/');
}
