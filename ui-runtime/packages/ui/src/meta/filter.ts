// Builds texts of the filter language (docs/query.md) from what the user picks in the filter
// builder, and reads back the simple conjunctions this builder writes (for saved views).
import type { FieldMeta } from '../api/types';

export type Operator =
  | 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains' | 'startsWith' | 'in' | 'nin' | 'isNull' | 'isNotNull';

export interface Condition {
  field: string;
  op: Operator;
  /** One value, or several for in/nin; ignored for isNull/isNotNull. */
  value?: string | string[];
}

const NUMERIC = new Set(['integer', 'bigint', 'decimal', 'money']);
const ORDERED = new Set([...NUMERIC, 'date', 'datetime']);
const TEXTUAL = new Set(['text', 'longtext', 'longText', 'email', 'url', 'phone']);

export const OPERATOR_LABELS: Record<Operator, string> = {
  eq: 'is', ne: 'is not', lt: 'less than', lte: 'at most', gt: 'greater than', gte: 'at least',
  contains: 'contains', startsWith: 'starts with', in: 'is any of', nin: 'is none of',
  isNull: 'is empty', isNotNull: 'is not empty',
};

/** The operators the builder offers for a field: the server's list when given, else by type. */
export function operatorsFor(field: FieldMeta): Operator[] {
  const fromServer = (field.operators ?? []) as string[];
  let ops: Operator[];
  if (fromServer.length > 0) {
    ops = fromServer.filter((o): o is Operator => o in OPERATOR_LABELS);
  } else if (TEXTUAL.has(field.type)) {
    ops = ['contains', 'startsWith', 'eq', 'ne', 'isNull'];
  } else if (ORDERED.has(field.type)) {
    ops = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'isNull'];
  } else if (field.type === 'dictionary') {
    ops = ['in', 'nin', 'eq', 'ne', 'isNull'];
  } else if (field.type === 'boolean') {
    ops = ['eq'];
  } else {
    ops = ['eq', 'ne', 'isNull'];
  }
  if (ops.includes('isNull') && !ops.includes('isNotNull')) {
    ops = [...ops, 'isNotNull'];
  }
  return ops;
}

/** A quoted text literal: single quotes, a quote inside doubled. */
export function quote(text: string): string {
  return "'" + text.replace(/'/g, "''") + "'";
}

/** The path a filter uses for a field: money is compared on its amount. */
export function filterPath(field: FieldMeta): string {
  return field.type === 'money' ? `${field.name}.amount` : field.name;
}

/** One value as a literal of the field's type; numbers and booleans unquoted when valid. */
export function literal(field: FieldMeta, raw: string): string {
  const value = raw.trim();
  if (NUMERIC.has(field.type) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value)) {
    return value;
  }
  if (field.type === 'boolean' && (value === 'true' || value === 'false')) {
    return value;
  }
  return quote(raw);
}

function values(condition: Condition): string[] {
  const v = condition.value;
  if (Array.isArray(v)) return v;
  if (v === undefined || v === '') return [];
  return [v];
}

/** A condition as filter text, or null when it is incomplete (no value yet). */
export function conditionText(field: FieldMeta, condition: Condition): string | null {
  const path = filterPath(field);
  if (condition.op === 'isNull') return `${path} isNull`;
  if (condition.op === 'isNotNull') return `${path} isNull false`;
  const vs = values(condition);
  if (vs.length === 0) return null;
  if (condition.op === 'in' || condition.op === 'nin') {
    return `${path} ${condition.op} (${vs.map((v) => literal(field, v)).join(', ')})`;
  }
  return `${path} ${condition.op} ${literal(field, vs[0])}`;
}

/** A case-insensitive-ish quick search over the search fields: one `contains` per field, or-ed. */
export function searchText(fields: FieldMeta[], term: string): string | null {
  const t = term.trim();
  if (!t || fields.length === 0) return null;
  const parts = fields.map((f) => `${f.name} contains ${quote(t)}`);
  return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
}

/** The whole filter of a list: builder conditions and the quick search, and-ed. */
export function buildFilter(
  fields: FieldMeta[],
  conditions: Condition[],
  search?: { fields: FieldMeta[]; term: string },
): string {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const parts: string[] = [];
  for (const c of conditions) {
    const f = byName.get(c.field);
    const text = f ? conditionText(f, c) : null;
    if (text) parts.push(text);
  }
  const s = search ? searchText(search.fields, search.term) : null;
  if (s) parts.push(s);
  return parts.join(' and ');
}

/** `id in ('a', 'b')`: how display names of referenced records are fetched, one request per entity. */
export function idsFilter(ids: string[]): string {
  return `id in (${ids.map(quote).join(', ')})`;
}

// ---- reading back what buildFilter wrote ----

type Token = { kind: 'word' | 'string' | 'number' | 'punct'; text: string };

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')' || c === ',') { tokens.push({ kind: 'punct', text: c }); i++; continue; }
    if (c === "'") {
      let out = '';
      i++;
      for (;;) {
        if (i >= text.length) return null;
        if (text[i] === "'") {
          if (text[i + 1] === "'") { out += "'"; i += 2; continue; }
          i++;
          break;
        }
        out += text[i++];
      }
      tokens.push({ kind: 'string', text: out });
      continue;
    }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m && (c === '-' || /\d/.test(c))) { tokens.push({ kind: 'number', text: m[0] }); i += m[0].length; continue; }
    const w = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(text.slice(i));
    if (!w) return null;
    tokens.push({ kind: 'word', text: w[0] });
    i += w[0].length;
  }
  return tokens;
}

const COMPARISONS = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains', 'startsWith']);

/**
 * Reads a conjunction of simple predicates (what {@link buildFilter} writes without a search)
 * back into conditions; null for anything else (or, not, groups), which the UI keeps as raw text.
 */
export function parseConditions(text: string): Condition[] | null {
  if (!text.trim()) return [];
  const tokens = tokenize(text);
  if (!tokens) return null;
  const out: Condition[] = [];
  let i = 0;
  const isValue = (t?: Token) => t && (t.kind === 'string' || t.kind === 'number' || (t.kind === 'word' && (t.text === 'true' || t.text === 'false')));
  while (i < tokens.length) {
    const path = tokens[i];
    if (!path || path.kind !== 'word') return null;
    const field = path.text.endsWith('.amount') ? path.text.slice(0, -'.amount'.length) : path.text;
    const op = tokens[i + 1];
    if (!op || op.kind !== 'word') return null;
    if (op.text === 'isNull') {
      const next = tokens[i + 2];
      if (next && next.kind === 'word' && next.text === 'false') { out.push({ field, op: 'isNotNull' }); i += 3; }
      else if (next && next.kind === 'word' && next.text === 'true') { out.push({ field, op: 'isNull' }); i += 3; }
      else { out.push({ field, op: 'isNull' }); i += 2; }
    } else if (COMPARISONS.has(op.text)) {
      const v = tokens[i + 2];
      if (!isValue(v)) return null;
      out.push({ field, op: op.text as Operator, value: v!.text });
      i += 3;
    } else if (op.text === 'in' || op.text === 'nin') {
      if (tokens[i + 2]?.text !== '(') return null;
      const vs: string[] = [];
      let j = i + 3;
      for (;;) {
        const v = tokens[j];
        if (!isValue(v)) return null;
        vs.push(v!.text);
        const sep = tokens[j + 1];
        if (sep?.text === ',') { j += 2; continue; }
        if (sep?.text === ')') { j += 2; break; }
        return null;
      }
      out.push({ field, op: op.text, value: vs });
      i = j;
    } else {
      return null;
    }
    if (i < tokens.length) {
      if (tokens[i].kind !== 'word' || tokens[i].text !== 'and') return null;
      i++;
      if (i >= tokens.length) return null;
    }
  }
  return out;
}
