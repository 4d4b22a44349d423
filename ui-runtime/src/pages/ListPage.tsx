// A list page: columns, sorting, filters, quick search, saved views, selection with bulk actions,
// CSV export and import, cursor pagination. The URL holds the state, so views are deep links.
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import IconSearch from '@tabler/icons-react/icons/IconSearch';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader, RecordTable, buildFilter, choosableColumns, displayFieldOf, exportCsv, filterableFields, listRecords, parseConditions, parseSort, searchFieldsOf, sortParam, visibleColumns, type Condition, type EntityMeta, type RecordData, type SavedView } from '@prm/ui';
import { useRouteEntity } from '../shell/UiContext';
import { ColumnChooser } from '../components/ColumnChooser';
import { FilterBuilder } from '../components/FilterBuilder';
import { FilterChips } from '../components/FilterChips';
import { SavedViews, useViews } from '../components/SavedViews';
import { BulkUpdateModal } from '../components/BulkUpdateModal';
import { useBulkDelete } from '../components/useBulkDelete';
import { NotFound } from './NotFound';
import { ListActions } from './ListActions';

export const PAGE_SIZE = 50;

// CSV parsing is loaded when the import dialog first opens.
const ImportModal = lazy(() => import('../components/ImportModal').then((m) => ({ default: m.ImportModal })));

export function ListPage() {
  const found = useRouteEntity();
  if (!found) return <NotFound what="list" />;
  return <EntityList key={found.key} qualified={found.key} entity={found.entity} />;
}

function EntityList({ qualified, entity }: { qualified: string; entity: EntityMeta }) {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const views = useViews(qualified);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const [selected, setSelected] = useState<Record<string, RecordData>>({});
  const [bulkOpen, setBulkOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  const filterText = params.get('filter') ?? '';
  const conditions = useMemo(() => parseConditions(filterText), [filterText]);
  const sortKeys = params.has('sort') ? parseSort(params.get('sort')) : parseSort(entity.list?.sort ?? []);
  const chosen = params.get('cols')?.split(',').filter(Boolean) ?? null;
  const columns = visibleColumns(entity, chosen);
  const viewId = params.get('view');
  // The recycle bin: the same list over soft-deleted records, with Restore as the bulk action.
  const bin = params.get('bin') === '1' && entity.actions.restore;

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  // A user's default view opens when the list is opened without any state in the URL.
  useEffect(() => {
    if (params.toString() !== '' || !views.data) return;
    const preferred = views.data.find((v) => v.isDefault);
    if (preferred) applyView(preferred, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [views.data]);

  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) update({ q: debounced || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const applyView = (view: SavedView | null, replace = false) => {
    const next = new URLSearchParams();
    if (view) {
      next.set('view', view.id);
      if (view.filter) next.set('filter', view.filter);
      if (view.sort?.length) next.set('sort', view.sort.join(','));
      if (view.columns?.length) next.set('cols', view.columns.join(','));
    }
    setSearch('');
    setParams(next, { replace });
  };

  const searchFields = searchFieldsOf(entity);
  const q = params.get('q') ?? '';
  const search$ = q ? ` and ${buildFilter(entity.fields, [], { fields: searchFields, term: q })}` : '';
  const filter = conditions !== null ? buildFilter(entity.fields, conditions, { fields: searchFields, term: q }) : `(${filterText})${search$}`;
  const sort = sortParam(sortKeys, entity);
  const display = displayFieldOf(entity);
  const fieldNames = [...new Set(['id', 'version', ...(display ? [display] : []), ...columns.map((c) => c.name)])].join(',');

  const list = useInfiniteQuery({
    queryKey: ['list', entity.api, filter, sort, fieldNames, bin],
    queryFn: ({ pageParam }) =>
      listRecords(entity.api, { filter: filter || undefined, sort: sort || undefined, cursor: pageParam, limit: PAGE_SIZE, fields: fieldNames, deleted: bin ? 'only' : undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
  });
  const records = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const selectedRecords = Object.values(selected);
  const bulkDelete = useBulkDelete(entity, () => {
    setSelected({});
    queryClient.invalidateQueries({ queryKey: ['list', entity.api] });
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['list', entity.api] });
  const filtered = filter !== '';

  const doExport = async () => {
    setExporting(true);
    try {
      const blob = await exportCsv(entity.api, { filter: filter || undefined, sort: sort || undefined, fields: columns.map((c) => c.name).join(',') });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${entity.module}-${entity.name.toLowerCase()}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      notifications.show({ color: 'red', message: `Export failed: ${(e as Error).message}` });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        crumbs={bin ? [{ label: entity.pluralLabel, to: entity.route }, { label: 'Recycle bin' }] : [{ label: entity.pluralLabel }]}
        title={bin ? `${entity.pluralLabel}: recycle bin` : entity.pluralLabel}
        actions={
          <ListActions
            entity={entity}
            bin={bin}
            exporting={exporting}
            onBin={() => { setSelected({}); update({ bin: bin ? null : '1' }); }}
            onImport={() => setImportOpen(true)}
            onExport={doExport}
          />
        }
      />
      <Paper p="sm" mb="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <SavedViews entity={qualified} currentId={viewId} state={{ filter: filterText, sort: sortKeys.map((k) => (k.desc ? '-' : '') + k.field), columns: columns.map((c) => c.name) }} onSelect={(v) => applyView(v)} />
            <TextInput
              placeholder={`Search ${entity.pluralLabel.toLowerCase()}…`}
              aria-label={`Search ${entity.pluralLabel}`}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={{ base: '100%', xs: 260 }}
              disabled={searchFields.length === 0}
            />
            <FilterBuilder
              fields={filterableFields(entity)}
              conditions={conditions ?? []}
              onApply={(cs: Condition[]) => update({ filter: buildFilter(entity.fields, cs) || null })}
            />
          </Group>
          <ColumnChooser all={choosableColumns(entity)} chosen={columns.map((c) => c.name)} onChange={(cols) => update({ cols: cols.join(',') })} />
        </Group>
        <FilterChips entity={entity} conditions={conditions} rawFilter={filterText} term={q}
          onFilter={(f) => update({ filter: f })} onClearTerm={() => { setSearch(''); update({ q: null }); }}
          onClearAll={() => { setSearch(''); update({ filter: null, q: null }); }} />
      </Paper>

      {selectedRecords.length > 0 && (
        <Paper p="xs" mb="sm" bg="brand.0" role="region" aria-label="Bulk actions">
          <Group gap="sm">
            <Text size="sm" fw={600}>{selectedRecords.length} selected</Text>
            {bin && (
              <Button size="xs" variant="light" onClick={() => bulkDelete.restore(selectedRecords.map((r) => r.id)).then(() => setSelected({}))}>
                Restore
              </Button>
            )}
            {!bin && entity.actions.update && (entity.actions.bulk ?? true) && (
              <Button size="xs" variant="default" onClick={() => setBulkOpen(true)}>Update field…</Button>
            )}
            {!bin && entity.actions.delete && (
              <Button size="xs" color="red" variant="light" onClick={() => bulkDelete.run(selectedRecords)} loading={bulkDelete.busy}>
                Delete
              </Button>
            )}
            <Button size="xs" variant="subtle" onClick={() => setSelected({})}>Clear selection</Button>
          </Group>
        </Paper>
      )}

      {list.isError ? (
        <Alert color="red" role="alert" title="The list could not load">
          {list.error.message}
        </Alert>
      ) : (
        <Stack gap="sm">
          <RecordTable
            entity={entity}
            columns={columns}
            records={records}
            loading={list.isPending}
            sortKeys={sortKeys}
            onSort={(keys) => update({ sort: keys.length ? keys.map((k) => (k.desc ? '-' : '') + k.field).join(',') : null })}
            selectable={bin ? entity.actions.restore : entity.actions.update || entity.actions.delete}
            selected={selected}
            onSelect={setSelected}
          />
          {!list.isPending && records.length === 0 && (
            <Paper p="xl" ta="center">
              <Text fw={600}>{bin ? 'The recycle bin is empty' : filtered ? `No ${entity.pluralLabel.toLowerCase()} match` : `No ${entity.pluralLabel.toLowerCase()} yet`}</Text>
              <Text size="sm" c="dimmed" mb="sm">
                {filtered ? 'Change the search or the filter.' : entity.actions.create ? `Create the first ${entity.label.toLowerCase()}.` : 'Nothing to show.'}
              </Text>
              {filtered ? (
                <Button variant="light" onClick={() => { setSearch(''); update({ filter: null, q: null }); }}>Clear filters</Button>
              ) : (
                entity.actions.create && <Button component={Link} to={`${entity.route}/new`}>New {entity.label}</Button>
              )}
            </Paper>
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {list.isPending ? 'Loading…' : `${records.length} ${records.length === 1 ? entity.label.toLowerCase() : entity.pluralLabel.toLowerCase()} shown${list.hasNextPage ? ', more available' : ''}`}
            </Text>
            {list.hasNextPage && (
              <Tooltip label={`Next ${PAGE_SIZE}`}>
                <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  Load more
                </Button>
              </Tooltip>
            )}
          </Group>
        </Stack>
      )}

      <BulkUpdateModal
        entity={entity}
        records={selectedRecords}
        opened={bulkOpen}
        onClose={() => setBulkOpen(false)}
        onDone={(n) => {
          notifications.show({ color: 'green', message: `${n} ${n === 1 ? entity.label : entity.pluralLabel} updated` });
          setSelected({});
          refresh();
        }}
      />
      {importOpen && (
        <Suspense fallback={null}>
          <ImportModal entity={entity} opened={importOpen} onClose={() => setImportOpen(false)} onImported={() => refresh()} />
        </Suspense>
      )}
    </>
  );
}
