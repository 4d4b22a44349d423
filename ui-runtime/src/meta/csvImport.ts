import type { FieldMeta } from '@prm/ui';
// The column-mapping step of a CSV import: which CSV column feeds which field, and turning
// parsed CSV rows into record JSON rows for POST {api}/import.

/** A mapping target: a field name, or "field.amount" / "field.currency" for money. */
export type Target = string;

export const MAX_IMPORT_ROWS = 5000;

function norm(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Every target a CSV column may map to, with a label for the select. */
export function importTargets(fields: FieldMeta[]): { value: Target; label: string }[] {
  const out: { value: Target; label: string }[] = [];
  for (const f of fields) {
    if (f.readOnly) continue;
    if (f.type === 'money') {
      out.push({ value: `${f.name}.amount`, label: `${f.label} (amount)` });
      out.push({ value: `${f.name}.currency`, label: `${f.label} (currency)` });
    } else {
      out.push({ value: f.name, label: f.label });
    }
  }
  return out;
}

/** A first guess of the mapping: a header equal to a field's name or label (ignoring case and punctuation). */
export function guessMapping(headers: string[], fields: FieldMeta[]): Record<string, Target | null> {
  const targets = importTargets(fields);
  const byKey = new Map<string, Target>();
  for (const t of targets) {
    byKey.set(norm(t.value), t.value);
    byKey.set(norm(t.label), t.value);
  }
  for (const f of fields) {
    if (f.type === 'money') {
      byKey.set(norm(f.name), `${f.name}.amount`);
      byKey.set(norm(f.label), `${f.name}.amount`);
      byKey.set(norm(`${f.name}_currency`), `${f.name}.currency`);
      byKey.set(norm(`${f.label} currency`), `${f.name}.currency`);
      byKey.set(norm(`${f.name}_amount`), `${f.name}.amount`);
      byKey.set(norm(`${f.label} amount`), `${f.name}.amount`);
    }
  }
  const used = new Set<Target>();
  const out: Record<string, Target | null> = {};
  for (const h of headers) {
    const t = byKey.get(norm(h)) ?? null;
    out[h] = t && !used.has(t) ? t : null;
    if (t) used.add(t);
  }
  return out;
}

function convert(field: FieldMeta, raw: string): unknown {
  const v = raw.trim();
  if (v === '') return null;
  switch (field.type) {
    case 'integer': case 'bigint': case 'decimal':
      return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    case 'boolean': {
      const l = v.toLowerCase();
      if (['true', 'yes', '1', 'y'].includes(l)) return true;
      if (['false', 'no', '0', 'n'].includes(l)) return false;
      return v;
    }
    case 'multidictionary':
      return v.split(/[;|,]/).map((x) => x.trim()).filter(Boolean).map((x) => optionCode(field, x));
    case 'dictionary':
      return optionCode(field, v);
    case 'json':
      try { return JSON.parse(v); } catch { return v; }
    default:
      return v;
  }
}

/** A dictionary cell may hold the code or the label; the code is sent. */
function optionCode(field: FieldMeta, cell: string): string {
  const o = field.options?.find((x) => x.value === cell || x.label.toLowerCase() === cell.toLowerCase());
  return o ? o.value : cell;
}

/** The rows to send: mapped columns only, empty cells left out so defaults apply. */
export function mapRows(
  rows: Record<string, string>[],
  mapping: Record<string, Target | null>,
  fields: FieldMeta[],
): Record<string, unknown>[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [header, target] of Object.entries(mapping)) {
      if (!target) continue;
      const cell = row[header] ?? '';
      const [name, part] = target.split('.');
      const field = byName.get(name);
      if (!field) continue;
      if (part) {
        if (cell.trim() === '') continue;
        const money = (out[name] as Record<string, unknown> | undefined) ?? {};
        money[part] = part === 'amount' ? convert({ ...field, type: 'decimal' }, cell) : cell.trim().toUpperCase();
        out[name] = money;
      } else {
        const v = convert(field, cell);
        if (v !== null) out[name] = v;
      }
    }
    return out;
  });
}

/** Problems that stop an import before it is sent. */
export function mappingProblems(mapping: Record<string, Target | null>, fields: FieldMeta[], rowCount: number): string[] {
  const problems: string[] = [];
  const mapped = new Set(Object.values(mapping).filter(Boolean).map((t) => String(t).split('.')[0]));
  for (const f of fields) {
    if (f.required && !f.readOnly && !mapped.has(f.name)) problems.push(`Map a column to the required field ${f.label}`);
  }
  if (rowCount === 0) problems.push('The file has no data rows');
  if (rowCount > MAX_IMPORT_ROWS) problems.push(`At most ${MAX_IMPORT_ROWS} rows per import (the file has ${rowCount})`);
  return problems;
}
