// One job: status, attempts, times (run at, lease and last update, i.e. the last heartbeat while
// leased), last error, payload and result; an admin retries a dead job or cancels a queued one.
import { Alert, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { ApiError, PageHeader, formatValue, useUi } from '@prm/ui';
import { NotFound } from '../pages/NotFound';
import { StructuredValue } from '../agents/StructuredValue';
import { cancelJob, getJob, retryJob, type Job } from './api';
import { JobStatusBadge } from './JobsPage';
import { attemptsLabel, jobCommands, leaseState } from './jobView';

const AT = { name: 'at', label: '', type: 'datetime' } as const;
const message = (e: unknown) => (e instanceof ApiError ? e.problem.detail ?? e.message : (e as Error).message);

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return <Table.Tr><Table.Th w={180}>{label}</Table.Th><Table.Td>{children}</Table.Td></Table.Tr>;
}

const when = (value?: string) => (value ? formatValue(AT, value) : '—');

export function JobPage() {
  const { id = '' } = useParams();
  const ui = useUi();
  const queryClient = useQueryClient();
  const job = useQuery({ queryKey: ['job', id], queryFn: () => getJob(id), refetchInterval: 5_000 });
  const command = useMutation({
    mutationFn: (c: 'retry' | 'cancel') => (c === 'retry' ? retryJob(id) : cancelJob(id)),
    onSuccess: (j: Job) => {
      queryClient.setQueryData(['job', id], j);
      queryClient.invalidateQueries({ queryKey: ['jobs'] });
    },
  });
  if (job.isError && job.error instanceof ApiError && job.error.status === 404) return <NotFound />;
  const j = job.data;
  const commands = j ? jobCommands(j, ui.user.roles) : [];
  const lease = j ? leaseState(j, Date.now()) : null;

  return (
    <>
      <PageHeader crumbs={[{ label: 'Jobs', to: '/jobs' }, { label: j?.type ?? id }]} title={j ? j.type : 'Job'}
        subtitle={j ? `Job ${j.id}` : undefined}
        actions={commands.length > 0 && (
          <Group gap="xs">
            {commands.includes('retry') && <Button onClick={() => command.mutate('retry')} loading={command.isPending}>Retry</Button>}
            {commands.includes('cancel') && <Button color="red" variant="default" onClick={() => command.mutate('cancel')} loading={command.isPending}>Cancel job</Button>}
          </Group>
        )} />
      {command.isError && <Alert color="red" role="alert" mb="sm">{message(command.error)}</Alert>}
      {job.isPending ? (
        <Text size="sm" c="dimmed">Loading…</Text>
      ) : job.isError ? (
        <Alert color="red" role="alert" title="The job could not load">{message(job.error)}</Alert>
      ) : j && (
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Paper p="md" component="section" aria-label="Job">
              <Table aria-label="Job details" verticalSpacing={4}>
                <Table.Tbody>
                  <Row label="Status"><JobStatusBadge status={j.status} /></Row>
                  <Row label="Attempts">{attemptsLabel(j)}</Row>
                  <Row label="Runs at">{when(j.runAt)}</Row>
                  <Row label="Lease">{j.status === 'leased' ? `${j.leasedBy ?? 'a worker'}, ${lease ?? ''} (${when(j.leaseExpiresAt)})` : '—'}</Row>
                  <Row label="Last update">{when(j.updatedAt)}</Row>
                  <Row label="Created">{`${when(j.createdAt)} by ${j.createdBy}`}</Row>
                  <Row label="Finished">{when(j.finishedAt)}</Row>
                  <Row label="Idempotency key"><Text size="sm" ff="monospace">{j.idempotencyKey ?? '—'}</Text></Row>
                </Table.Tbody>
              </Table>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="md">
              {j.lastError && (
                <Alert color={j.status === 'dead' ? 'red' : 'orange'} title="Last error" role="status">{j.lastError}</Alert>
              )}
              <Paper p="md" component="section" aria-label="Payload">
                <Title order={2} size="h4" mb="xs">Payload</Title>
                <StructuredValue value={j.payload} />
              </Paper>
              {j.result !== undefined && (
                <Paper p="md" component="section" aria-label="Result">
                  <Title order={2} size="h4" mb="xs">Result</Title>
                  <StructuredValue value={j.result} />
                </Paper>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
