// The job queue for admins and job workers: jobs newest first, filtered by status and type through
// URL parameters, paged with the server's cursor; each job links to its page.
import { Alert, Anchor, Badge, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyState, PageHeader, TableSkeleton, formatValue } from '@prm/ui';
import { JOB_STATUSES, listJobs, type Job } from './api';
import { STATUS_COLORS, attemptsLabel, filterParams, statusLabel } from './jobView';

const PAGE = 25;
const AT = { name: 'createdAt', label: '', type: 'datetime' } as const;

export function JobStatusBadge({ status }: { status: Job['status'] }) {
  return <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" c="dark.7" data-testid="job-status">{statusLabel(status)}</Badge>;
}

export function JobsPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const type = params.get('type') ?? '';
  const [typeInput, setTypeInput] = useState(type);
  useEffect(() => setTypeInput(type), [type]);
  const jobs = useInfiniteQuery({
    queryKey: ['jobs', status, type],
    queryFn: ({ pageParam }) => listJobs({ status: status || null, type: type || null, cursor: pageParam, limit: PAGE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    refetchInterval: 10_000,
  });
  const items = useMemo(() => jobs.data?.pages.flatMap((p) => p.items) ?? [], [jobs.data]);

  return (
    <>
      <PageHeader crumbs={[{ label: 'Jobs' }]} title="Jobs" subtitle="Work queued for workers, newest first" />
      <Paper p="sm" mb="sm">
        <Group gap="xs" align="flex-end">
          <Select label="Status" placeholder="Any status" clearable data={JOB_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
            value={status || null} onChange={(v) => setParams(filterParams(params, 'status', v))} w={{ base: '100%', xs: 200 }} />
          <form onSubmit={(e) => { e.preventDefault(); setParams(filterParams(params, 'type', typeInput)); }}>
            <Group gap="xs" align="flex-end">
              <TextInput label="Type" placeholder="module.name, e.g. deals.score" value={typeInput}
                onChange={(e) => setTypeInput(e.currentTarget.value)} w={{ base: '100%', xs: 260 }} />
              <Button type="submit" variant="default">Filter</Button>
            </Group>
          </form>
        </Group>
      </Paper>
      {jobs.isPending ? (
        <Paper p="md"><TableSkeleton rows={5} columns={5} /></Paper>
      ) : jobs.isError ? (
        <Alert color="red" role="alert" title="The jobs could not load">{jobs.error.message}</Alert>
      ) : items.length === 0 ? (
        <Paper p="md"><EmptyState title="No jobs" description={status || type ? 'No job matches these filters.' : 'Jobs enqueued by the API, automations, hooks and agents appear here.'} /></Paper>
      ) : (
        <>
          <Paper style={{ overflowX: 'auto' }}>
            <Table className="prm-table" aria-label="Jobs" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr><Table.Th>Created</Table.Th><Table.Th>Type</Table.Th><Table.Th>Status</Table.Th><Table.Th>Attempts</Table.Th><Table.Th>Last error</Table.Th><Table.Th>By</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((j) => (
                  <Table.Tr key={j.id} data-job={j.id}>
                    <Table.Td><Anchor component={Link} to={`/jobs/${j.id}`} size="sm">{formatValue(AT, j.createdAt)}</Anchor></Table.Td>
                    <Table.Td><Text size="sm" ff="monospace">{j.type}</Text></Table.Td>
                    <Table.Td><JobStatusBadge status={j.status} /></Table.Td>
                    <Table.Td><Text size="sm">{attemptsLabel(j)}</Text></Table.Td>
                    <Table.Td><Text size="sm" c="dimmed" lineClamp={1} maw={320}>{j.lastError ?? ''}</Text></Table.Td>
                    <Table.Td><Text size="sm">{j.createdBy}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          {jobs.hasNextPage && (
            <Group mt="sm"><Button variant="default" onClick={() => jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>Load more</Button></Group>
          )}
        </>
      )}
    </>
  );
}
