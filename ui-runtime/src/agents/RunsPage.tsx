// Run history: the user's runs (a tenant admin: every run), newest first, filtered by agent and
// status through URL parameters, paged with the server's cursor; each run links to its page.
import { Alert, Anchor, Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyState, PageHeader, RecordLink, TableSkeleton, formatValue } from '@prm/ui';
import { useUi } from '../shell/UiContext';
import { RUN_STATUSES, agentName, listRuns, type Run } from './api';
import { STATUS_COLORS, statusLabel } from './runState';

const PAGE = 25;
const AT = { name: 'created_at', label: '', type: 'datetime' } as const;

export function StatusBadge({ status }: { status: Run['status'] }) {
  return <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" c="dark.7" data-testid="run-status">{statusLabel(status)}</Badge>;
}

export function RunsPage() {
  const ui = useUi();
  const [params, setParams] = useSearchParams();
  const agent = params.get('agent') ?? '';
  const status = params.get('status') ?? '';
  const runs = useInfiniteQuery({
    queryKey: ['agent-runs', agent, status],
    queryFn: ({ pageParam }) => listRuns({ agent: agent || null, status: status || null, cursor: pageParam, limit: PAGE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    refetchInterval: 10_000,
  });
  const items = useMemo(() => runs.data?.pages.flatMap((p) => p.items) ?? [], [runs.data]);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const agentOptions = (ui.agents ?? []).map((a) => ({ value: a.name, label: a.label }));
  if (agent && !agentOptions.some((o) => o.value === agent)) agentOptions.push({ value: agent, label: agent });

  return (
    <>
      <PageHeader crumbs={[{ label: 'Agents', to: '/agents' }, { label: 'Run history' }]} title="Run history" subtitle="Agent runs, newest first" />
      <Paper p="sm" mb="sm">
        <Group gap="xs">
          <Select label="Agent" placeholder="Any agent" clearable data={agentOptions} value={agent || null} onChange={(v) => set('agent', v)} w={{ base: '100%', xs: 240 }} />
          <Select label="Status" placeholder="Any status" clearable data={RUN_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
            value={status || null} onChange={(v) => set('status', v)} w={{ base: '100%', xs: 220 }} />
        </Group>
      </Paper>
      {runs.isPending ? (
        <Paper p="md"><TableSkeleton rows={5} columns={5} /></Paper>
      ) : runs.isError ? (
        <Alert color="red" role="alert" title="The runs could not load">{runs.error.message}</Alert>
      ) : items.length === 0 ? (
        <Paper p="md"><EmptyState title="No runs" description={agent || status ? 'No run matches these filters.' : 'Runs you start appear here.'} /></Paper>
      ) : (
        <>
          <Paper style={{ overflowX: 'auto' }}>
            <Table className="prm-table" aria-label="Runs" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr><Table.Th>Started</Table.Th><Table.Th>Agent</Table.Th><Table.Th>Status</Table.Th><Table.Th>About</Table.Th><Table.Th>By</Table.Th><Table.Th className="prm-num">Steps</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id} data-run={r.id}>
                    <Table.Td><Anchor component={Link} to={`/agents/runs/${r.id}`} size="sm">{formatValue(AT, r.created_at)}</Anchor></Table.Td>
                    <Table.Td><Text size="sm">{agentName(r)}</Text></Table.Td>
                    <Table.Td><StatusBadge status={r.status} /></Table.Td>
                    <Table.Td>{r.input?.record ? <RecordLink urn={r.input.record} fallback="record unavailable" /> : <Text size="sm" c="dimmed">{r.trigger}</Text>}</Table.Td>
                    <Table.Td><Text size="sm">{r.principal_name ?? r.principal}</Text></Table.Td>
                    <Table.Td className="prm-num"><Text size="sm">{r.steps}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          {runs.hasNextPage && (
            <Group mt="sm"><Button variant="default" onClick={() => runs.fetchNextPage()} loading={runs.isFetchingNextPage}>Load more</Button></Group>
          )}
        </>
      )}
    </>
  );
}
