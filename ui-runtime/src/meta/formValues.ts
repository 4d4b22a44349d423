// Converting between record JSON (the API) and form state (the inputs), per field type.
import type { FieldMeta, MoneyValue, RecordData } from '@prm/ui';
import { isEmpty } from './validation';

export type FormValues = Record<string, unknown>;

export type { MoneyValue };

/** The empty input state of a field (what a new record's form starts from). */
export function emptyValue(field: FieldMeta): unknown {
  switch (field.type) {
    case 'boolean': return false;
    case 'multidictionary': return [];
    case 'money': return { amount: '', currency: field.currencies?.[0] ?? null } as MoneyValue;
    case 'integer': case 'bigint': case 'decimal': return '';
    case 'dictionary': case 'reference': case 'date': case 'datetime': return null;
    default: return '';
  }
}

/** Form state for the given fields from a record (edit) or from the fields' defaults (create). */
export function toFormValues(fields: FieldMeta[], record?: RecordData | null, defaults?: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const raw = record ? record[f.name] : (defaults?.[f.name] ?? (f as { default?: unknown }).default);
    out[f.name] = fromApi(f, raw);
  }
  return out;
}

function fromApi(field: FieldMeta, raw: unknown): unknown {
  if (raw === undefined || raw === null) return emptyValue(field);
  switch (field.type) {
    case 'money': {
      const m = raw as { amount?: number | string; currency?: string };
      return { amount: m.amount ?? '', currency: m.currency ?? null };
    }
    case 'json': return typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2);
    case 'multidictionary': return Array.isArray(raw) ? raw : [];
    case 'datetime': return localDateTime(String(raw));
    default: return raw;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the date-time picker's local "YYYY-MM-DD HH:mm:ss". */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The picker's local "YYYY-MM-DD HH:mm:ss" as an ISO instant with offset (what the API takes). */
export function isoDateTime(local: string): string {
  const d = new Date(local.includes('T') ? local : local.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return null;
}

/** A form value as the API expects it; null for an empty input. */
export function toApi(field: FieldMeta, value: unknown): unknown {
  if (isEmpty(value)) return null;
  switch (field.type) {
    case 'integer': case 'bigint': case 'decimal': return toNumber(value) ?? value;
    case 'money': {
      const m = value as MoneyValue;
      return { amount: toNumber(m.amount) ?? m.amount, currency: m.currency };
    }
    case 'boolean': return Boolean(value);
    case 'datetime': return isoDateTime(String(value));
    case 'json': {
      try { return JSON.parse(String(value)); } catch { return value; }
    }
    case 'text': case 'longtext': case 'longText': case 'email': case 'url': case 'phone':
      return typeof value === 'string' ? value.trim() : value;
    default: return value;
  }
}

/**
 * The request body of a save. A create leaves empty fields out (the server applies defaults and
 * reports missing required ones); an update sends only the changed fields, empty ones as null.
 * Read-only fields are never sent.
 */
export function toPayload(
  fields: FieldMeta[],
  values: FormValues,
  mode: 'create' | 'update',
  changed?: Set<string>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.readOnly) continue;
    if (mode === 'update' && changed && !changed.has(f.name)) continue;
    const v = toApi(f, values[f.name]);
    if (mode === 'create' && (v === null || (f.type === 'boolean' && v === false && !(f as { default?: unknown }).default && !changed?.has(f.name)))) {
      continue;
    }
    body[f.name] = v;
  }
  return body;
}

/** The names of fields whose form value differs from the starting one. */
export function changedFields(fields: FieldMeta[], initial: FormValues, current: FormValues): Set<string> {
  const out = new Set<string>();
  for (const f of fields) {
    if (JSON.stringify(toApi(f, initial[f.name])) !== JSON.stringify(toApi(f, current[f.name]))) out.add(f.name);
  }
  return out;
}
