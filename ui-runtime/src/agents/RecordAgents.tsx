// On a record's page (its own chunk): the agents started from this entity, and the recent runs about
// this record, each linking to its run page.
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import IconRobot from '@tabler/icons-react/icons/IconRobot';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LinesSkeleton, formatValue, type AgentMeta } from '@prm/ui';
import { agentName, listRuns } from './api';
import RunAgentModal from './RunAgentModal';
import { StatusBadge } from './RunsPage';

const AT = { name: 'created_at', label: '', type: 'datetime' } as const;

export default function RecordAgents({ agents, record, start, onStarted }: { agents: AgentMeta[]; record: string; start: AgentMeta | null; onStarted: () => void }) {
  const runs = useQuery({ queryKey: ['agent-runs-record', record], queryFn: () => listRuns({ record, limit: 5 }), refetchInterval: 15_000 });
  const [picked, setPicked] = useState<AgentMeta | null>(null);
  const running = start ?? picked;
  return (
    <>
      <Paper p="md" component="section" aria-label="Agents">
        <Group justify="space-between" mb="xs" wrap="nowrap">
          <Title order={2} size="h4">Agents</Title>
          <IconRobot size={18} aria-hidden color="var(--mantine-color-gray-6)" />
        </Group>
        <Stack gap={6}>
          {agents.map((a) => (
            <Group key={a.name} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" lineClamp={1} title={a.description}>{a.label}</Text>
              <Button size="compact-xs" variant="light" onClick={() => setPicked(a)} aria-label={`Run ${a.label} on this record`}>Run</Button>
            </Group>
          ))}
        </Stack>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="sm" mb={4}>Recent runs</Text>
        {runs.isPending ? (
          <LinesSkeleton lines={2} />
        ) : runs.isError ? (
          <Text size="xs" c="red">{runs.error.message}</Text>
        ) : runs.data.items.length === 0 ? (
          <Text size="xs" c="dimmed">No run about this record yet.</Text>
        ) : (
          <Stack gap={4} component="ul" aria-label="Recent runs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {runs.data.items.map((r) => (
              <Group component="li" key={r.id} justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/agents/runs/${r.id}`} size="xs" lineClamp={1}>
                  {agentName(r).split('.').pop()} · {formatValue(AT, r.created_at)}
                </Anchor>
                <StatusBadge status={r.status} />
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      <RunAgentModal agent={running} record={record} onClose={() => { setPicked(null); onStarted(); }} />
    </>
  );
}
