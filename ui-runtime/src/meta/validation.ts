import type { FieldMeta } from '@prm/ui';
// Client-side checks mirroring the manifest rules the server enforces (required, bounds,
// lengths, pattern, formats), so most mistakes show before a round trip.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'amount' in (value as object)) {
    const a = (value as { amount?: unknown }).amount;
    return a === null || a === undefined || a === '';
  }
  return false;
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return null;
}

/** The first problem with a value of a field, as the message shown under the input; null if valid. */
export function validateValue(field: FieldMeta, value: unknown): string | null {
  if (isEmpty(value)) {
    return field.required ? `${field.label} is required` : null;
  }
  const t = field.type;
  if (t === 'integer' || t === 'bigint' || t === 'decimal' || t === 'money') {
    const raw = t === 'money' ? (value as { amount?: unknown }).amount : value;
    const n = numberOf(raw);
    if (n === null) return 'Enter a number';
    if ((t === 'integer' || t === 'bigint') && !Number.isInteger(n)) return 'Enter a whole number';
    if (field.min !== null && field.min !== undefined && n < field.min) return `Must be at least ${field.min}`;
    if (field.max !== null && field.max !== undefined && n > field.max) return `Must be at most ${field.max}`;
    if (t === 'money') {
      const currency = (value as { currency?: unknown }).currency;
      if (!currency) return 'Choose a currency';
      if (field.currencies && field.currencies.length > 0 && !field.currencies.includes(String(currency))) {
        return `Currency must be one of ${field.currencies.join(', ')}`;
      }
    }
    return null;
  }
  if (typeof value === 'string') {
    if (field.maxLength !== null && field.maxLength !== undefined && value.length > field.maxLength) {
      return `At most ${field.maxLength} characters`;
    }
    if (field.minLength !== null && field.minLength !== undefined && value.length < field.minLength) {
      return `At least ${field.minLength} characters`;
    }
    if (field.pattern) {
      try {
        if (!new RegExp(field.pattern).test(value)) return `Must match ${field.pattern}`;
      } catch {
        // a Java pattern JavaScript cannot compile: the server checks it
      }
    }
    if (t === 'email' && !EMAIL.test(value)) return 'Enter an email address like name@example.com';
    if (t === 'url' && !/^https?:\/\/[^\s]+$/.test(value)) return 'Enter an absolute http(s) URL';
    if (t === 'uuid' && !/^[0-9a-fA-F-]{36}$/.test(value)) return 'Enter a UUID';
    if (t === 'json') {
      try { JSON.parse(value); } catch { return 'Enter valid JSON'; }
    }
  }
  return null;
}

/** Validates every given field of a form; the map holds only fields with a problem. */
export function validateAll(fields: FieldMeta[], values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (f.readOnly) continue;
    const message = validateValue(f, values[f.name]);
    if (message) out[f.name] = message;
  }
  return out;
}
