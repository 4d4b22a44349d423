// A table of records (TanStack Table, manual sorting: the server sorts): header clicks sort,
// optional checkboxes select, the first column links to the record. Skeleton rows while loading.
// The list page drives it with its URL state; DataTable drives it with the list API.
import { Anchor, Checkbox, Paper, Skeleton, Table } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import IconArrowDown from '@tabler/icons-react/icons/IconArrowDown';
import IconArrowUp from '@tabler/icons-react/icons/IconArrowUp';
import IconArrowsSort from '@tabler/icons-react/icons/IconArrowsSort';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { EntityMeta, FieldMeta, RecordData } from '../api/types';
import { toggleSort, type SortKey } from '../meta/columns';
import { formatValue, isNumeric } from '../meta/format';
import { FieldValue } from './FieldValue';
import { RecordCards } from './RecordCards';
import { useReferenceNames } from '../hooks/useReferenceNames';

export interface RecordTableProps {
  entity: EntityMeta;
  columns: FieldMeta[];
  records: RecordData[];
  loading: boolean;
  sortKeys: SortKey[];
  onSort: (keys: SortKey[]) => void;
  /** Accessible name of the table; defaults to the entity's plural label. */
  label?: string;
  selectable?: boolean;
  selected?: Record<string, RecordData>;
  onSelect?: (s: Record<string, RecordData>) => void;
  /** `auto` (default): cards on phone-wide screens (below 36em), a table otherwise. */
  layout?: 'auto' | 'table' | 'cards';
}

/** The width below which `layout: 'auto'` shows cards: a phone held upright. */
export const CARDS_QUERY = '(max-width: 36em)';

const NONE: Record<string, RecordData> = {};
const IGNORE = () => undefined;

let firstRenderMarked = false;

export function RecordTable({ entity, columns, records, loading, sortKeys, onSort, label, selectable = false, selected = NONE, onSelect = IGNORE, layout = 'auto' }: RecordTableProps) {
  const narrow = useMediaQuery(CARDS_QUERY) ?? false;
  const names = useReferenceNames(columns, records);
  const marked = useRef(false);
  useEffect(() => {
    // Time to first rendered rows of a list, read by the browser tests (performance marks).
    if (!loading && records.length > 0 && !marked.current) {
      marked.current = true;
      performance.mark(firstRenderMarked ? 'prm:list-rendered' : 'prm:first-list-rendered');
      firstRenderMarked = true;
    }
  }, [loading, records.length]);

  const allSelected = records.length > 0 && records.every((r) => selected[r.id]);
  const someSelected = records.some((r) => selected[r.id]);

  const defs = useMemo<ColumnDef<RecordData>[]>(() => {
    const cols: ColumnDef<RecordData>[] = columns.map((field, i) => ({
      id: field.name,
      header: field.label,
      cell: ({ row }) =>
        i === 0 ? (
          <Anchor component={Link} to={`${entity.route}/${row.original.id}`} size="sm" fw={500}>
            {formatValue(field, row.original[field.name], names) || row.original.id}
          </Anchor>
        ) : (
          <FieldValue field={field} value={row.original[field.name]} refNames={names} />
        ),
      meta: { field },
    }));
    return cols;
  }, [columns, names, entity.route]);

  const table = useReactTable({ data: records, columns: defs, getCoreRowModel: getCoreRowModel(), manualSorting: true, getRowId: (r) => r.id });

  const sortState = (name: string) => (sortKeys[0]?.field === name ? (sortKeys[0].desc ? 'descending' : 'ascending') : 'none');

  if (layout === 'cards' || (layout === 'auto' && narrow)) {
    return (
      <RecordCards route={entity.route} columns={columns} records={records} label={label ?? entity.pluralLabel} refNames={names}
        loading={loading} selectable={selectable} selected={selected} onSelect={onSelect} />
    );
  }

  return (
    <Paper>
      <Table.ScrollContainer minWidth={640}>
        <Table className="prm-table" aria-label={label ?? entity.pluralLabel} aria-busy={loading} stickyHeader highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {selectable && (
                <Table.Th w={40}>
                  <Checkbox
                    aria-label="Select all shown records"
                    checked={allSelected}
                    indeterminate={someSelected && !allSelected}
                    onChange={() => {
                      if (allSelected) onSelect({});
                      else onSelect(Object.fromEntries(records.map((r) => [r.id, r])));
                    }}
                  />
                </Table.Th>
              )}
              {table.getHeaderGroups()[0].headers.map((h) => {
                const field = (h.column.columnDef.meta as { field: FieldMeta }).field;
                const state = sortState(field.name);
                return (
                  <Table.Th key={h.id} scope="col" className={isNumeric(field) ? 'prm-num' : undefined} aria-sort={field.sortable ? state : undefined}>
                    {field.sortable ? (
                      <button type="button" onClick={() => onSort(toggleSort(sortKeys, field.name))} aria-label={`Sort by ${field.label}`}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        {state === 'ascending' ? <IconArrowUp size={14} aria-hidden /> : state === 'descending' ? <IconArrowDown size={14} aria-hidden /> : <IconArrowsSort size={14} aria-hidden color="var(--mantine-color-gray-5)" />}
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loading &&
              Array.from({ length: 8 }, (_, i) => (
                <Table.Tr key={`sk${i}`} aria-hidden>
                  {selectable && <Table.Td><Skeleton h={16} w={16} /></Table.Td>}
                  {columns.map((c) => <Table.Td key={c.name}><Skeleton h={12} w="70%" /></Table.Td>)}
                </Table.Tr>
              ))}
            {table.getRowModel().rows.map((row) => (
              <Table.Tr key={row.id} bg={selected[row.id] ? 'var(--mantine-color-brand-0)' : undefined}>
                {selectable && (
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select ${formatValue(columns[0], row.original[columns[0]?.name], names) || row.id}`}
                      checked={!!selected[row.id]}
                      onChange={(e) => {
                        const next = { ...selected };
                        if (e.currentTarget.checked) next[row.id] = row.original;
                        else delete next[row.id];
                        onSelect(next);
                      }}
                    />
                  </Table.Td>
                )}
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id} className={isNumeric((cell.column.columnDef.meta as { field: FieldMeta }).field) ? 'prm-num' : undefined}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
