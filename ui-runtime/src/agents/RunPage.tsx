// One run, live: status, the streamed text and tool calls, the approval card of a call that waits,
// Cancel while the run is not over, the final output, and the reason of a failure.
import { Alert, Badge, Button, Card, Grid, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError, PageHeader, RecordLink, formatValue } from '@prm/ui';
import { agentName, cancelRun, decide, getRun, type PendingCall } from './api';
import { isFinal, runActions } from './runState';
import { RunTimeline } from './RunTimeline';
import { StatusBadge } from './RunsPage';
import { StructuredValue } from './StructuredValue';
import { useRunStream, type Connection } from './useRunStream';
import { NotFound } from '../pages/NotFound';
import { useUi } from '../shell/UiContext';

const AT = { name: 'created_at', label: '', type: 'datetime' } as const;

const message = (e: unknown) => (e instanceof ApiError ? e.problem.detail ?? e.message : (e as Error).message);

function ApprovalCard({ pending, enabled, onDecide }: { pending: PendingCall; enabled: boolean; onDecide: (d: 'approve' | 'reject', comment: string) => void }) {
  const [comment, setComment] = useState('');
  return (
    <Card withBorder padding="md" role="region" aria-label="Approval needed" style={{ borderColor: 'var(--mantine-color-orange-5)' }}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">Approval needed</Title>
          <Badge color="orange" variant="light" c="dark.7" tt="none">{pending.tool}</Badge>
        </Group>
        <Text size="sm">The agent wants to call <b>{pending.tool}</b> with:</Text>
        <Paper withBorder p="xs"><StructuredValue value={pending.arguments} /></Paper>
        <Textarea label="Comment (optional)" description="The agent is told why when you reject" autosize minRows={1}
          value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" color="red" disabled={!enabled} onClick={() => onDecide('reject', comment)}>Reject</Button>
          <Button disabled={!enabled} onClick={() => onDecide('approve', comment)}>Approve</Button>
        </Group>
      </Stack>
    </Card>
  );
}

const CONNECTION_TEXT: Partial<Record<Connection, string>> = {
  connecting: 'connecting…', live: 'live', reconnecting: 'connection lost, reconnecting…',
};

export function RunPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const ui = useUi();
  const run = useQuery({ queryKey: ['agent-run', id], queryFn: () => getRun(id), retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2 });
  const { view, connection } = useRunStream(id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const status = view.status ?? run.data?.status ?? null;
  const over = isFinal(status);

  // the counters and output of the stored run follow the stream's milestones
  useEffect(() => {
    if (view.status) queryClient.invalidateQueries({ queryKey: ['agent-run', id] });
  }, [view.status, id, queryClient]);

  if (run.isError && run.error instanceof ApiError && run.error.status === 404) return <NotFound what="run" />;
  const r = run.data;
  const actions = runActions({ ...view, status }, busy);
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  const label = r ? ui.agents?.find((a) => a.name === agentName(r))?.label : undefined;
  const title = r ? label ?? agentName(r) : 'Run';
  const failed = status === 'failed' || status === 'timed_out';

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Agents', to: '/agents' }, { label: 'Run history', to: '/agents/runs' }, { label: title }]}
        title={title}
        subtitle={r ? `${agentName(r)} · started ${formatValue(AT, r.created_at)} by ${r.principal_name ?? r.principal} · ${r.trigger}` : undefined}
        actions={
          <Group gap="xs">
            {status && <StatusBadge status={status} />}
            {!over && <Button variant="default" color="red" disabled={!actions.cancel} onClick={() => act(() => cancelRun(id))}>Cancel run</Button>}
          </Group>
        }
      />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {error && <Alert color="red" role="alert" title="That did not work" withCloseButton onClose={() => setError(null)}>{error}</Alert>}
            {failed && (
              <Alert color="red" role="alert" title={status === 'timed_out' ? 'The run timed out' : 'The run failed'}>
                {view.reason ?? r?.reason ?? 'No reason was given.'}
              </Alert>
            )}
            {status === 'cancelled' && <Alert color="gray" title="Cancelled">{view.reason ?? r?.reason ?? 'The run was cancelled.'}</Alert>}
            {view.pending && !over && (
              <ApprovalCard key={view.pending.callId} pending={view.pending} enabled={actions.decide}
                onDecide={(d, comment) => act(() => decide(id, view.pending!.callId, d, comment.trim() || undefined))} />
            )}
            <Paper p="md" component="section" aria-label="Conversation">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h3">Timeline</Title>
                {!over && <Text size="xs" c={connection === 'reconnecting' ? 'orange' : 'dimmed'} role="status">{CONNECTION_TEXT[connection]}</Text>}
              </Group>
              {connection === 'refused' && <Alert color="red" role="alert" mb="sm">The run's stream was refused.</Alert>}
              <RunTimeline items={view.items} streaming={!over && connection !== 'refused'} />
            </Paper>
            {(view.hasOutput || (r?.output !== undefined && r?.output !== null)) && (
              <Paper p="md" component="section" aria-label="Output">
                <Title order={2} size="h3" mb="sm">Output</Title>
                <StructuredValue value={view.hasOutput ? view.output : r?.output} />
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper p="md" component="aside" aria-label="Run details">
            <Title order={2} size="h4" mb="xs">Details</Title>
            <dl className="prm-card-fields">
              <Text component="dt" size="xs" c="dimmed" fw={600}>About</Text>
              <dd>{r?.input?.record ? <RecordLink urn={r.input.record} fallback="record unavailable" /> : <Text size="sm" c="dimmed">—</Text>}</dd>
              <Text component="dt" size="xs" c="dimmed" fw={600}>Request</Text>
              <dd><StructuredValue value={r?.input?.input ?? null} /></dd>
              <Text component="dt" size="xs" c="dimmed" fw={600}>Steps</Text>
              <dd><Text size="sm">{r?.steps ?? 0}</Text></dd>
              <Text component="dt" size="xs" c="dimmed" fw={600}>Tokens</Text>
              <dd><Text size="sm">{(r?.tokens_in ?? 0) + (r?.tokens_out ?? 0)}</Text></dd>
              <Text component="dt" size="xs" c="dimmed" fw={600}>Finished</Text>
              <dd><Text size="sm">{r?.finished_at ? formatValue(AT, r.finished_at) : '—'}</Text></dd>
            </dl>
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
