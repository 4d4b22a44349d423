// A table bound to an entity's list API: the caller's columns, a fixed filter plus a quick search,
// sorting by header click and cursor paging — all done by the server (filter, sort, cursor, limit).
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { listRecords } from '../api/records';
import type { EntityMeta } from '../api/types';
import { displayFieldOf, parseSort, searchFieldsOf, sortParam, visibleColumns, type SortKey } from '../meta/columns';
import { buildFilter } from '../meta/filter';
import { RecordTable } from './RecordTable';
import { EmptyState, ErrorState } from './States';

export interface DataTableProps {
  entity: EntityMeta;
  /** Field names; defaults to the entity's list columns. */
  columns?: string[];
  /** A filter in the API's filter language, always applied (e.g. stage eq 'won'). */
  filter?: string;
  /** Initial sort (e.g. ['-amount']); defaults to the entity's list sort. */
  sort?: string[];
  pageSize?: number;
  /** Shows a search box over the entity's search fields. */
  searchable?: boolean;
  /** Accessible name; defaults to the entity's plural label. */
  label?: string;
  emptyText?: string;
}

/** How long typing must pause before the table searches. */
export const SEARCH_DEBOUNCE_MS = 300;

export function DataTable({ entity, columns, filter, sort, pageSize = 25, searchable = false, label, emptyText }: DataTableProps) {
  const [sortKeys, setSortKeys] = useState<SortKey[]>(() => parseSort(sort ?? entity.list?.sort ?? []));
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  // cursors[i] opens page i; page 0 opens without one
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length - 1;
  const shown = visibleColumns(entity, columns ?? null);
  const display = displayFieldOf(entity);
  const fields = [...new Set(['id', 'version', ...(display ? [display] : []), ...shown.map((c) => c.name)])].join(',');
  const where = useMemo(() => {
    const parts = [filter ? `(${filter})` : '', term ? buildFilter(entity.fields, [], { fields: searchFieldsOf(entity), term }) : '']
      .filter(Boolean);
    return parts.join(' and ');
  }, [filter, term, entity]);
  const order = sortParam(sortKeys, entity);

  const list = useQuery({
    queryKey: ['list', entity.api, 'table', where, order, fields, pageSize, cursors[page]],
    queryFn: () => listRecords(entity.api, { filter: where || undefined, sort: order || undefined, cursor: cursors[page], limit: pageSize, fields }),
    placeholderData: keepPreviousData,
  });
  const restart = () => setCursors([null]);
  const records = list.data?.items ?? [];
  const next = list.data?.nextCursor ?? null;

  return (
    <Stack gap="xs">
      {searchable && (
        <TextInput
          aria-label={`Search ${(label ?? entity.pluralLabel).toLowerCase()}`}
          placeholder="Search…"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            restart();
          }}
        />
      )}
      {list.isError ? (
        <ErrorState error={list.error} />
      ) : !list.isPending && records.length === 0 ? (
        <EmptyState title={emptyText ?? `No ${(label ?? entity.pluralLabel).toLowerCase()}`} description={where ? 'Nothing matches the filter.' : undefined} />
      ) : (
        <RecordTable
          entity={entity}
          label={label}
          columns={shown}
          records={records}
          loading={list.isPending}
          sortKeys={sortKeys}
          onSort={(keys) => {
            setSortKeys(keys);
            restart();
          }}
        />
      )}
      {(page > 0 || next) && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">Page {page + 1}</Text>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>Previous</Button>
            <Button variant="default" size="xs" disabled={!next || list.isFetching} onClick={() => setCursors((c) => [...c, next])}>Next</Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}
