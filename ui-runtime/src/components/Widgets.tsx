// Detail-page widgets: related lists (records of another entity that reference this one) and
// slot widgets a module places into another module's page (relatedList, summaryCard).
import { Anchor, Group, Paper, Skeleton, Stack, Text, Title, Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { EntityCard, WidgetCard, fieldMap, getRecord, listRecords, quote, visibleColumns, type EntityMeta, type FieldMeta, type RecordData, type SlotWidget, type UiMetadata } from '@prm/ui';
import { RecordsTable } from './RecordsTable';

const RELATED_LIMIT = 10;

function columnsOf(target: EntityMeta, names?: string[] | null): FieldMeta[] {
  return visibleColumns(target, names ?? undefined);
}

export function RelatedRecords({ ui, entityKey, field, title, columns, extraFilter, hostId, compact = false }: {
  ui: UiMetadata; entityKey: string; field: string; title: string; columns?: string[] | null; extraFilter?: string | null; hostId: string;
  /** In the sidebar: records as compact cards, so badges and columns are never cut. */
  compact?: boolean;
}) {
  const target = ui.entities[entityKey];
  const filter = `${field} eq ${quote(hostId)}${extraFilter ? ` and (${extraFilter})` : ''}`;
  const list = useQuery({
    queryKey: ['related', target?.api, filter],
    queryFn: () => listRecords(target!.api, { filter, limit: RELATED_LIMIT, total: 'exact' }),
    enabled: !!target,
  });
  if (!target) return null;
  const total = list.data?.total;
  return (
    <Paper p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3">
          {title} {total !== undefined && <Text span c="dimmed" size="sm">({total})</Text>}
        </Title>
        <Anchor component={Link} to={`${target.route}?filter=${encodeURIComponent(filter)}`} size="sm">
          View all
        </Anchor>
      </Group>
      {list.isPending ? (
        <Stack gap={6}>{[0, 1, 2].map((i) => <Skeleton key={i} h={14} />)}</Stack>
      ) : list.isError ? (
        <Alert color="red">{list.error.message}</Alert>
      ) : (
        <RecordsTable columns={columnsOf(target, columns)} records={list.data.items} route={target.route} label={title} compact={compact} />
      )}
    </Paper>
  );
}

/** The record the host record references through `field`, shown as a card of a few fields. */
export function SummaryCard({ ui, widget, host }: { ui: UiMetadata; widget: SlotWidget; host: RecordData }) {
  const target = ui.entities[widget.entity];
  const id = widget.field ? host[widget.field] : null;
  const record = useQuery({
    queryKey: ['record', target?.api, id],
    queryFn: () => getRecord(target!.api, String(id)),
    enabled: !!target && typeof id === 'string',
  });
  if (!target) return null;
  return (
    <WidgetCard title={widget.title ?? target.label}>
      {typeof id !== 'string' ? (
        <Text size="sm" c="dimmed">None</Text>
      ) : record.isPending ? (
        <Skeleton h={60} />
      ) : record.isError ? (
        <Text size="sm" c="dimmed">Not available</Text>
      ) : (
        <EntityCard entity={target} record={record.data} fields={columnsOf(target, widget.columns)} />
      )}
    </WidgetCard>
  );
}

export function SlotWidgets({ ui, widgets, host, compact = false }: { ui: UiMetadata; widgets: SlotWidget[]; host: RecordData; compact?: boolean }) {
  return (
    <>
      {widgets.map((w, i) => {
        const target = ui.entities[w.entity];
        if (!target || !w.field) return null;
        // The host's field references the widget's entity: show that record. Otherwise the
        // widget's entity references the host: list those records.
        const hostOwned = w.fieldOwner ? w.fieldOwner === 'host' : w.widget === 'summaryCard';
        if (hostOwned) return <SummaryCard key={i} ui={ui} widget={w} host={host} />;
        if (!fieldMap(target).has(w.field)) return null;
        return (
          <RelatedRecords key={i} ui={ui} entityKey={w.entity} field={w.field} title={w.title ?? target.pluralLabel} columns={w.columns} extraFilter={w.filter} hostId={host.id} compact={compact} />
        );
      })}
    </>
  );
}
