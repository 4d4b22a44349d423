import type { RecordData, RequestOptions, UiMetadata } from '@prm/ui';
// The preview's record API, answered in the browser from sample records: the runtime's pages call
// it through their usual functions (api/records.ts) because the preview metadata points their
// entities at /preview/api/v1/... Writes change the samples in memory only; nothing reaches the engine.

export const PREVIEW_PREFIX = '/preview';

/** The preview metadata with every entity API moved under /preview, so no call reaches the engine. */
export function previewMetadata(ui: UiMetadata): UiMetadata {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k === 'api' && typeof v === 'string' && v.startsWith('/api/') ? PREVIEW_PREFIX + v : rewrite(v)]),
      );
    }
    return value;
  };
  return rewrite(ui) as UiMetadata;
}

function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

/** `id in ('a', 'b')`, the only filter the runtime sends on its own (reference names); others show every sample. */
function idsOf(filter: string | null): Set<string> | null {
  const m = filter?.match(/^\s*id\s+in\s*\((.*)\)\s*$/);
  if (!m) return null;
  return new Set(m[1].split(',').map((s) => s.trim().replace(/^'|'$/g, '')));
}

/** A virtual route for `http.addVirtualRoute` over `records` (entity API path → records). */
export function sampleRoute(records: Map<string, RecordData[]>) {
  let next = 1000;
  return (url: string, options: RequestOptions): Promise<Response> | undefined => {
    if (!url.startsWith(PREVIEW_PREFIX + '/')) return undefined;
    const [path, query = ''] = url.split('?');
    const params = new URLSearchParams(query);
    const method = options.method ?? 'GET';
    const collection = [...records.keys()].find((api) => path === api || path.startsWith(api + '/'));
    if (!collection) return Promise.resolve(json(404, { status: 404, title: 'Not found', detail: 'not part of this preview' }));
    const items = records.get(collection)!;
    const rest = path.slice(collection.length + 1);
    const body = (options.body ?? {}) as Record<string, unknown>;
    if (!rest) {
      if (method === 'POST') {
        const record: RecordData = { ...body, id: `00000000-0000-4000-8000-${String(next++).padStart(12, '0')}`, version: 1 };
        items.unshift(record);
        return Promise.resolve(json(201, record));
      }
      const ids = idsOf(params.get('filter'));
      const limit = Number(params.get('limit') ?? 50);
      const found = items.filter((r) => !ids || ids.has(r.id)).slice(0, limit);
      return Promise.resolve(json(200, { items: found, nextCursor: null, total: found.length }));
    }
    const record = items.find((r) => r.id === decodeURIComponent(rest.split('/')[0]));
    if (!record) return Promise.resolve(json(404, { status: 404, title: 'Not found', detail: 'no such sample record' }));
    if (method === 'PATCH') {
      Object.assign(record, body, { version: (record.version ?? 1) + 1 });
      return Promise.resolve(json(200, record));
    }
    if (method === 'DELETE') {
      items.splice(items.indexOf(record), 1);
      return Promise.resolve(json(204, undefined));
    }
    return Promise.resolve(json(200, record));
  };
}
