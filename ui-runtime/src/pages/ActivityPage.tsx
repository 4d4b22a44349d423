// The activity feed: what happened in the tenant, newest first (GET /api/v1/activity), filtered by
// action and entity through URL parameters; each entry links to its record when the user may open it.
import { Alert, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EmptyState, LinesSkeleton, PageHeader, RecordLink, activity, activityRoute, actorName, formatValue } from '@prm/ui';
import { useUi } from '../shell/UiContext';

const PAGE = 30;
const AT = { name: 'occurredAt', label: '', type: 'datetime' } as const;
const ACTIONS = ['created', 'updated', 'deleted', 'restored', 'purged', 'published', 'transitioned'];

export function ActivityPage() {
  const ui = useUi();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const entity = params.get('entity') ?? '';
  const feed = useInfiniteQuery({
    queryKey: ['activity', action, entity],
    queryFn: ({ pageParam }) => activity({ action: action || undefined, entity: entity || undefined, limit: PAGE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
  });
  const entries = useMemo(() => feed.data?.pages.flatMap((p) => p.items) ?? [], [feed.data]);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const entityOptions = Object.entries(ui.entities).map(([key, e]) => ({ value: key, label: e.pluralLabel }));

  return (
    <>
      <PageHeader crumbs={[{ label: 'Activity' }]} title="Activity" subtitle="What happened in your tenant, newest first" />
      <Paper p="sm" mb="sm">
        <Group gap="xs">
          <Select label="Action" placeholder="Any action" clearable data={ACTIONS.map((a) => ({ value: a, label: a }))}
            value={action || null} onChange={(v) => set('action', v)} w={{ base: '100%', xs: 200 }} />
          <Select label="Entity" placeholder="Any entity" clearable searchable data={entityOptions}
            value={entity || null} onChange={(v) => set('entity', v)} w={{ base: '100%', xs: 240 }} />
        </Group>
      </Paper>
      {feed.isPending ? (
        <LinesSkeleton lines={6} />
      ) : feed.isError ? (
        <Alert color="red" role="alert" title="The activity could not load">{feed.error.message}</Alert>
      ) : entries.length === 0 ? (
        <EmptyState title="No activity" description={action || entity ? 'Nothing matches these filters.' : 'Nothing has happened yet.'} />
      ) : (
        <Stack gap="sm">
          <Paper component="ul" aria-label="Activity" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {entries.map((e) => {
              const route = activityRoute(e, ui.entities);
              return (
                <li key={e.id} className="prm-activity-item">
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Text size="sm">
                      <b>{actorName(e.actorName, e.actor)}</b>: {e.summary}
                      {route && e.target && e.action !== 'purged' && <> · <RecordLink urn={e.target} fallback="record no longer available" /></>}
                    </Text>
                    <Text size="xs" c="dimmed">{formatValue(AT, e.occurredAt)}</Text>
                  </Group>
                </li>
              );
            })}
          </Paper>
          {feed.hasNextPage && (
            <Group><Button variant="default" onClick={() => feed.fetchNextPage()} loading={feed.isFetchingNextPage}>Load more</Button></Group>
          )}
        </Stack>
      )}
    </>
  );
}
