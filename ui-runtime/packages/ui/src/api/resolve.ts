// URNs (urn:prm:{module}:{entity}:{id}) → type, display name and link through the entity registry
// (POST /api/v1/resolve). Lookups made in the same tick travel in one request, so a table of
// twenty RecordLinks asks once; answers are remembered for the page's life.
import { api } from './http';

export interface Resolved {
  urn: string;
  found: boolean;
  type?: string;
  display?: string;
  /** The record's API path: /api/v1/{module}/{entity}/{id}. */
  link?: string;
  summary?: Record<string, unknown>;
}

/** The server's limit of URNs per request. */
export const MAX_URNS_PER_REQUEST = 500;

export function resolveUrns(urns: string[]): Promise<Resolved[]> {
  return api<{ items: Resolved[] }>('/api/v1/resolve', { method: 'POST', body: { urns } }).then((r) => r.items);
}

const cache = new Map<string, Promise<Resolved>>();
let pending: { urn: string; resolve: (r: Resolved) => void; reject: (e: unknown) => void }[] = [];

function flush(): void {
  const batch = pending;
  pending = [];
  for (let i = 0; i < batch.length; i += MAX_URNS_PER_REQUEST) {
    const chunk = batch.slice(i, i + MAX_URNS_PER_REQUEST);
    resolveUrns(chunk.map((p) => p.urn)).then(
      (items) => {
        const byUrn = new Map(items.map((r) => [r.urn, r]));
        for (const p of chunk) p.resolve(byUrn.get(p.urn) ?? { urn: p.urn, found: false });
      },
      (error) => {
        for (const p of chunk) {
          cache.delete(p.urn); // a failed lookup may be retried
          p.reject(error);
        }
      },
    );
  }
}

/** One URN, batched with the other lookups of the same tick. */
export function resolveUrn(urn: string): Promise<Resolved> {
  let answer = cache.get(urn);
  if (!answer) {
    answer = new Promise<Resolved>((resolve, reject) => {
      if (pending.length === 0) queueMicrotask(flush);
      pending.push({ urn, resolve, reject });
    });
    cache.set(urn, answer);
  }
  return answer;
}

/** Forgets remembered answers (after sign-out, or in tests). */
export function clearResolved(): void {
  cache.clear();
}
