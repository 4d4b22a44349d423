// A record's history on its detail page (entities with the audit feature): newest first, who
// changed what — field labels and formatted old → new values — 20 entries at a time.
import { Alert, Button, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { LinesSkeleton, actorName, changeLines, formatValue, recordHistory, useReferenceNames, verbOf, type EntityMeta, type HistoryEntry, type RecordData } from '@prm/ui';
import { useMemo } from 'react';

const PAGE = 20;
const AT = { name: 'changedAt', label: '', type: 'datetime' } as const;

/** Records made of the old and new values of the entries, so referenced names resolve in one batch per entity. */
function valuesAsRecords(entries: HistoryEntry[]): RecordData[] {
  return entries.flatMap((e) => Object.entries(e.changes ?? {}).flatMap(([f, c]) => [
    { id: `${e.id}-${f}-old`, [f]: c.old }, { id: `${e.id}-${f}-new`, [f]: c.new },
  ] as RecordData[]));
}

export function HistoryTimeline({ entity, id }: { entity: EntityMeta; id: string }) {
  const history = useInfiniteQuery({
    queryKey: ['history', entity.api, id],
    queryFn: ({ pageParam }) => recordHistory(entity.api, id, { limit: PAGE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
  });
  const entries = useMemo(() => history.data?.pages.flatMap((p) => p.items) ?? [], [history.data]);
  const values = useMemo(() => valuesAsRecords(entries), [entries]);
  const names = useReferenceNames(entity.fields, values);

  return (
    <Paper p="md" component="section" aria-label="History">
      <Title order={2} size="h3" mb="sm">History</Title>
      {history.isPending ? (
        <LinesSkeleton />
      ) : history.isError ? (
        <Alert color="red" role="alert">{history.error.message}</Alert>
      ) : entries.length === 0 ? (
        <Text size="sm" c="dimmed">No changes recorded.</Text>
      ) : (
        <Stack gap="sm">
          <Timeline bulletSize={14} lineWidth={2} active={entries.length}>
            {entries.map((e) => {
              const lines = changeLines(entity, e, names);
              const who = actorName(e.changedByName, e.changedBy);
              return (
                <Timeline.Item key={e.id} title={<Text size="sm" fw={600}>{who} {verbOf(e.operation)} {e.operation === 'updated' ? `${lines.length} ${lines.length === 1 ? 'field' : 'fields'}` : `the ${entity.label.toLowerCase()}`}</Text>}>
                  <Text size="xs" c="dimmed">{formatValue(AT, e.changedAt)} · version {e.version}</Text>
                  {e.operation !== 'created' && lines.length > 0 && (
                    <dl className="prm-history-changes">
                      {lines.map((l) => (
                        <div key={l.field} style={{ display: 'contents' }}>
                          <Text component="dt" size="xs" c="dimmed">{l.label}</Text>
                          <Text component="dd" size="sm"><s aria-label={`was ${l.from}`}>{l.from}</s> → {l.to}</Text>
                        </div>
                      ))}
                    </dl>
                  )}
                </Timeline.Item>
              );
            })}
          </Timeline>
          {history.hasNextPage && (
            <Group>
              <Button size="xs" variant="default" onClick={() => history.fetchNextPage()} loading={history.isFetchingNextPage}>Show older changes</Button>
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}
