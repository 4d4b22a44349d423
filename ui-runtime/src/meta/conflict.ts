// What the conflict dialog (a save answered 412) shows: the fields the other save changed, the
// ones the user changed, side by side, and who made the newer versions — by name, never a raw id.
import { actorName, formatValue, type FieldMeta, type HistoryEntry, type RecordData } from '@prm/ui';
import { changedFields, toApi, toFormValues, type FormValues } from './formValues';

export interface ConflictRow {
  field: string;
  label: string;
  /** The value in the newer version that is stored now. */
  theirs: string;
  /** The value in the user's form; `unchanged` when the user did not touch it (Overwrite keeps theirs). */
  yours: string;
  changedByThem: boolean;
  changedByMe: boolean;
}

const text = (field: FieldMeta, value: unknown, refNames?: Map<string, string>) => formatValue(field, value, refNames) || '—';

/** The fields changed since the version the user started from, or in the form; in form order. */
export function conflictRows(fields: FieldMeta[], base: RecordData, latest: RecordData, initial: FormValues, current: FormValues,
  refNames?: Map<string, string>): ConflictRow[] {
  const theirs = changedFields(fields, toFormValues(fields, base), toFormValues(fields, latest));
  const mine = changedFields(fields, initial, current);
  return fields
    .filter((f) => theirs.has(f.name) || mine.has(f.name))
    .map((f) => ({
      field: f.name,
      label: f.label,
      theirs: text(f, latest[f.name], refNames),
      yours: mine.has(f.name) ? text(f, toApi(f, current[f.name]), refNames) : 'unchanged',
      changedByThem: theirs.has(f.name),
      changedByMe: mine.has(f.name),
    }));
}

/**
 * Who saved the versions after the user's: names from the record's history when the entity is
 * audited, else the record's last editor when it reads as a name, else null ("someone").
 */
export function conflictAuthors(baseVersion: number, history: HistoryEntry[] | null, latest: RecordData): string[] | null {
  if (history) {
    const names = history.filter((e) => e.version > baseVersion).map((e) => actorName(e.changedByName, e.changedBy));
    if (names.length > 0) return [...new Set(names)];
  }
  const by = latest.updated_by;
  return typeof by === 'string' && by && !/^[0-9a-f-]{36}$/i.test(by) ? [by] : null;
}
