// A record's history (GET …/{id}/history), the tenant's activity log (GET /api/v1/activity) and
// full-text search (GET /api/v1/search): docs/audit.md and docs/registry.md.
import { api } from './http';

export interface Change {
  old?: unknown;
  new?: unknown;
}

export interface HistoryEntry {
  id: number;
  version: number;
  operation: 'created' | 'updated' | 'deleted' | 'restored' | string;
  changedBy: string;
  changedByName?: string | null;
  changedAt: string;
  requestId?: string | null;
  changes: Record<string, Change>;
}

export interface ActivityEntry {
  id: number;
  occurredAt: string;
  actor: string;
  actorName?: string | null;
  action: string;
  module?: string | null;
  entity?: string | null;
  recordId?: string | null;
  target?: string | null;
  summary: string;
  requestId?: string | null;
}

export interface Paged<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface SearchHit {
  id: string;
  urn: string;
  display: string;
  link: string;
  rank: number;
  /** HTML-escaped text with the matches in <mark>…</mark>; read it with `snippetParts`. */
  snippet?: string | null;
}

export interface SearchGroup {
  type: string;
  label: string;
  bestRank: number;
  capped: boolean;
  items: SearchHit[];
}

export interface SearchResult {
  q: string;
  groups: SearchGroup[];
}

export function recordHistory(entityApi: string, id: string, p: { limit?: number; cursor?: string | null } = {}): Promise<Paged<HistoryEntry>> {
  return api<Paged<HistoryEntry>>(`${entityApi}/${encodeURIComponent(id)}/history`, { query: { limit: p.limit, cursor: p.cursor } });
}

export interface ActivityParams {
  actor?: string;
  action?: string;
  entity?: string;
  after?: string;
  limit?: number;
  cursor?: string | null;
}

export function activity(p: ActivityParams = {}): Promise<Paged<ActivityEntry>> {
  return api<Paged<ActivityEntry>>('/api/v1/activity', { query: { ...p } as Record<string, string | number | undefined | null> });
}

export function search(q: string, limit = 10): Promise<SearchResult> {
  return api<SearchResult>('/api/v1/search', { query: { q, limit } });
}
