// What a history entry, an activity entry and a search snippet read as: field labels, formatted
// values, who did it by name. Pure functions, unit-tested; the components only lay them out.
import type { ActivityEntry, HistoryEntry } from '../api/audit';
import type { EntityMeta, FieldMeta } from '../api/types';
import { formatValue } from './format';

export interface ChangeLine {
  field: string;
  label: string;
  from: string;
  to: string;
}

const VERBS: Record<string, string> = {
  created: 'created', updated: 'changed', deleted: 'deleted', restored: 'restored', purged: 'purged',
  published: 'published', transitioned: 'moved', exported: 'exported',
};

/** "alice", else a short form of the user id (never the full 36-character id). */
export function actorName(name: string | null | undefined, id: string | null | undefined): string {
  if (name) return name;
  if (!id) return 'someone';
  if (id === 'system' || id === 'dev-watcher') return id;
  return /^[0-9a-f-]{36}$/i.test(id) ? `user ${id.slice(0, 8)}` : id;
}

export function verbOf(operation: string): string {
  return VERBS[operation] ?? operation;
}

function shown(field: FieldMeta | undefined, value: unknown, refNames?: Map<string, string>): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  return formatValue(field, value, refNames) || '—';
}

/** The changed fields of an entry in the entity's field order, with labels and formatted values. */
export function changeLines(entity: EntityMeta, entry: Pick<HistoryEntry, 'changes'>, refNames?: Map<string, string>): ChangeLine[] {
  const order = new Map(entity.fields.map((f, i) => [f.name, i]));
  return Object.entries(entry.changes ?? {})
    .sort(([a], [b]) => (order.get(a) ?? 1e6) - (order.get(b) ?? 1e6) || a.localeCompare(b))
    .map(([name, change]) => {
      const field = entity.fields.find((f) => f.name === name);
      return { field: name, label: field?.label ?? name, from: shown(field, change.old, refNames), to: shown(field, change.new, refNames) };
    });
}

/** The page of the record an activity entry is about, when it is a record of a known entity. */
export function activityRoute(entry: ActivityEntry, entities: Record<string, EntityMeta>): string | null {
  if (!entry.module || !entry.entity || !entry.recordId) return null;
  const route = `/o/${entry.module}/${entry.entity}`;
  return Object.values(entities).some((e) => e.route === route) ? `${route}/${entry.recordId}` : null;
}

export interface SnippetPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m);
}

/**
 * A search snippet (HTML-escaped, matches in <mark>) as plain text parts, so it is rendered as text
 * and never as HTML: any other tag stays visible text.
 */
export function snippetParts(snippet: string | null | undefined): SnippetPart[] {
  if (!snippet) return [];
  const parts: SnippetPart[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: unescape(snippet.slice(last, m.index)), mark: false });
    parts.push({ text: unescape(m[1]), mark: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: unescape(snippet.slice(last)), mark: false });
  return parts;
}
