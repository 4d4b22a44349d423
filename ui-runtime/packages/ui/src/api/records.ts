// The record API of any entity (its path comes from metadata), saved views, export and import.
import { api, send } from './http';
import type { ImportResult, Page, QuickFindResult, RecordData, SavedView } from './types';
import { idsFilter } from '../meta/filter';

export interface ListParams {
  filter?: string;
  sort?: string;
  cursor?: string | null;
  limit?: number;
  fields?: string;
  total?: 'exact' | 'estimate';
  /** Soft-deleted records: left out by default; `only` lists the recycle bin. */
  deleted?: 'exclude' | 'include' | 'only';
}

export function listRecords(entityApi: string, p: ListParams): Promise<Page> {
  return api<Page>(entityApi, { query: { ...p } as Record<string, string | number | undefined | null> });
}

export function getRecord(entityApi: string, id: string): Promise<RecordData> {
  return api<RecordData>(`${entityApi}/${encodeURIComponent(id)}`);
}

export function createRecord(entityApi: string, body: Record<string, unknown>): Promise<RecordData> {
  return api<RecordData>(entityApi, { method: 'POST', body });
}

export function updateRecord(entityApi: string, id: string, version: number | undefined, body: Record<string, unknown>): Promise<RecordData> {
  return api<RecordData>(`${entityApi}/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
    headers: version !== undefined ? { 'If-Match': `"${version}"` } : {},
  });
}

export function deleteRecord(entityApi: string, id: string): Promise<void> {
  return api<void>(`${entityApi}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function restoreRecord(entityApi: string, id: string): Promise<RecordData> {
  return api<RecordData>(`${entityApi}/${encodeURIComponent(id)}/restore`, { method: 'POST' });
}

export interface BulkOperation {
  op: 'create' | 'update';
  id?: string;
  ifMatch?: number;
  data: Record<string, unknown>;
}

export function bulk(entityApi: string, operations: BulkOperation[]): Promise<{ items: RecordData[] }> {
  return api(`${entityApi}/bulk`, { method: 'POST', body: { operations } });
}

/** Display names of referenced records, one request for all ids of one target entity. */
export async function displayNames(targetApi: string, displayField: string | null, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    const page = await listRecords(targetApi, {
      filter: idsFilter(chunk),
      limit: chunk.length,
      fields: displayField ? `id,${displayField}` : undefined,
    });
    for (const r of page.items) {
      const v = displayField ? r[displayField] : null;
      out.set(r.id, v !== null && v !== undefined && v !== '' ? String(v) : r.id);
    }
  }
  return out;
}

export async function exportCsv(entityApi: string, p: { filter?: string; sort?: string; fields?: string }): Promise<Blob> {
  const response = await send(`${entityApi}/export`, { query: p, headers: { Accept: 'text/csv' } });
  return response.blob();
}

export function importRows(entityApi: string, rows: Record<string, unknown>[], dryRun: boolean): Promise<ImportResult> {
  return api<ImportResult>(`${entityApi}/import`, { method: 'POST', body: { rows }, query: { dryRun: String(dryRun) } });
}

export function listViews(entity: string): Promise<SavedView[]> {
  return api<SavedView[]>('/api/v1/ui/views', { query: { entity } });
}

export function saveView(view: Omit<SavedView, 'id'> & { id?: string }): Promise<SavedView> {
  const { id, ...body } = view;
  return id
    ? api<SavedView>(`/api/v1/ui/views/${encodeURIComponent(id)}`, { method: 'PUT', body })
    : api<SavedView>('/api/v1/ui/views', { method: 'POST', body });
}

export function deleteView(id: string): Promise<void> {
  return api<void>(`/api/v1/ui/views/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function quickFind(q: string, limit = 5): Promise<QuickFindResult> {
  return api<QuickFindResult>('/api/v1/ui/quickfind', { query: { q, limit } });
}
