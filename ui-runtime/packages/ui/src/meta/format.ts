// How values read in tables, detail pages and CSV previews.
import type { EntityMeta, FieldMeta, RecordData } from '../api/types';
import { displayFieldOf } from './columns';

export function optionLabel(field: FieldMeta, code: unknown): string {
  const o = field.options?.find((x) => x.value === code);
  return o ? o.label : String(code);
}

export function formatMoney(value: unknown, locale?: string): string {
  if (!value || typeof value !== 'object') return '';
  const { amount, currency } = value as { amount?: number | string; currency?: string };
  if (amount === null || amount === undefined || amount === '') return '';
  const n = Number(amount);
  if (currency && /^[A-Z]{3}$/.test(currency) && Number.isFinite(n)) {
    try {
      return new Intl.NumberFormat(locale ?? 'en-US', { style: 'currency', currency }).format(n);
    } catch {
      // unknown currency code: fall through
    }
  }
  return `${amount}${currency ? ' ' + currency : ''}`;
}

/** A decimal with thousands separators and its scale's digits (a formula total reads 525,000.00, not 525000). */
export function formatDecimal(value: unknown, scale?: number | null, locale?: string): string {
  const n = Number(value);
  if (value === null || value === undefined || value === '' || !Number.isFinite(n)) return value == null ? '' : String(value);
  const digits = typeof scale === 'number' && scale >= 0 && scale <= 20 ? scale : undefined;
  return new Intl.NumberFormat(locale ?? 'en-US', digits === undefined ? { maximumFractionDigits: 20 }
    : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** Numbers read right-aligned in tables and cards, so digits line up. */
export function isNumeric(field: FieldMeta): boolean {
  return field.type === 'integer' || field.type === 'bigint' || field.type === 'decimal' || field.type === 'money';
}

/** A value as text; references use the resolved display names when given. */
export function formatValue(field: FieldMeta, value: unknown, refNames?: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'boolean': return value ? 'Yes' : 'No';
    case 'dictionary': return optionLabel(field, value);
    case 'multidictionary': return Array.isArray(value) ? value.map((v) => optionLabel(field, v)).join(', ') : String(value);
    case 'money': return formatMoney(value);
    case 'integer': case 'bigint': return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
    case 'decimal': return formatDecimal(value, field.scale);
    case 'date': return String(value);
    case 'datetime': {
      const d = new Date(String(value));
      return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    }
    case 'reference': return refNames?.get(String(value)) ?? String(value);
    case 'json': return JSON.stringify(value);
    default: return String(value);
  }
}

/** The name of a record: its display field, else its id. */
export function recordTitle(entity: EntityMeta, record: RecordData | null | undefined): string {
  if (!record) return '';
  const f = displayFieldOf(entity);
  const v = f ? record[f] : null;
  return v !== null && v !== undefined && v !== '' ? String(v) : String(record.id);
}
