// The user's tasks: runs waiting for their approval first, then tasks assigned to them (open or
// done), each with its record and a button to complete (or reopen) it.
import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, LinesSkeleton, PageHeader, RecordLink, formatValue } from '@prm/ui';
import { agentName, listRuns, listTasks, setTaskStatus, type Task } from './api';

const AT = { name: 'at', label: '', type: 'datetime' } as const;
const DAY = { name: 'due_on', label: '', type: 'date' } as const;

function Approvals() {
  const waiting = useQuery({ queryKey: ['agent-runs-waiting'], queryFn: () => listRuns({ status: 'waiting_for_approval', limit: 50 }), refetchInterval: 10_000 });
  const items = waiting.data?.items ?? [];
  if (waiting.isPending || items.length === 0) return null;
  return (
    <Paper p="md" component="section" aria-label="Approvals">
      <Title order={2} size="h3" mb="xs">Waiting for your approval</Title>
      <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((r) => (
          <li key={r.id} className="prm-activity-item">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm"><b>{agentName(r)}</b> wants to call {r.pending_call?.tool ?? 'a tool'}{r.input?.record && <> · <RecordLink urn={r.input.record} /></>}</Text>
              <Button size="xs" component={Link} to={`/agents/runs/${r.id}`}>Review</Button>
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}

export default function TasksPage() {
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const queryClient = useQueryClient();
  const tasks = useQuery({ queryKey: ['tasks', status], queryFn: () => listTasks(status) });
  const change = useMutation({
    mutationFn: ({ task, to }: { task: Task; to: Task['status'] }) => setTaskStatus(task.id, to),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });

  return (
    <>
      <PageHeader crumbs={[{ label: 'Tasks' }]} title="Tasks" subtitle="What waits for you: approvals and tasks assigned to you" />
      <Stack gap="md">
        <Approvals />
        <Paper p="md" component="section" aria-label="Your tasks">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h3">Your tasks</Title>
            <SegmentedControl size="xs" value={status} onChange={(v) => setStatus(v as 'open' | 'done')}
              data={[{ value: 'open', label: 'Open' }, { value: 'done', label: 'Done' }]} aria-label="Task status" />
          </Group>
          {change.isError && <Alert color="red" role="alert" mb="xs">{change.error.message}</Alert>}
          {tasks.isPending ? (
            <LinesSkeleton lines={4} />
          ) : tasks.isError ? (
            <Alert color="red" role="alert" title="The tasks could not load">{tasks.error.message}</Alert>
          ) : tasks.data.length === 0 ? (
            <EmptyState title={status === 'open' ? 'No open task' : 'No done task'} description={status === 'open' ? 'Tasks assigned to you appear here.' : undefined} />
          ) : (
            <Stack gap={0} component="ul" aria-label="Tasks" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {tasks.data.map((t) => (
                <li key={t.id} className="prm-activity-item" data-task={t.title}>
                  <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600}>{t.title}</Text>
                      {t.description && <Text size="sm" c="dimmed">{t.description}</Text>}
                      <Text size="xs" c="dimmed">
                        {t.created_by_name ?? t.created_by ? `from ${t.created_by_name ?? t.created_by} · ` : ''}{formatValue(AT, t.created_at)}
                        {t.due_on && <> · due {formatValue(DAY, t.due_on)}</>}
                      </Text>
                      {t.record_urn && <Text size="xs">About <RecordLink urn={t.record_urn} fallback="record unavailable" /></Text>}
                    </div>
                    <Group gap="xs" wrap="nowrap">
                      {t.status === 'open' && t.due_on && new Date(t.due_on) < new Date() && <Badge color="red" variant="light" c="dark.7">overdue</Badge>}
                      {t.status === 'open' ? (
                        <Button size="xs" variant="light" loading={change.isPending && change.variables?.task.id === t.id}
                          onClick={() => change.mutate({ task: t, to: 'done' })} aria-label={`Complete ${t.title}`}>Complete</Button>
                      ) : (
                        <Button size="xs" variant="default" onClick={() => change.mutate({ task: t, to: 'open' })} aria-label={`Reopen ${t.title}`}>Reopen</Button>
                      )}
                    </Group>
                  </Group>
                </li>
              ))}
            </Stack>
          )}
        </Paper>
        <Text size="xs" c="dimmed">Runs of agents: <Anchor component={Link} to="/agents/runs" size="xs" underline="always">run history</Anchor></Text>
      </Stack>
    </>
  );
}
