// The agents the user may start by hand (from the UI metadata), each with its module, description and
// a Run button; agents tied to an entity are also started from that entity's records.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import IconRobot from '@tabler/icons-react/icons/IconRobot';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, PageHeader, type AgentMeta } from '@prm/ui';
import { useUi } from '../shell/UiContext';
import RunAgentModal, { useAgentStates } from './RunAgentModal';

export function AgentsPage() {
  const ui = useUi();
  const agents = ui.agents ?? [];
  const states = useAgentStates();
  const [running, setRunning] = useState<AgentMeta | null>(null);

  return (
    <>
      <PageHeader crumbs={[{ label: 'Agents' }]} title="Agents" subtitle="Agents you may run, with your permissions"
        actions={<Button component={Link} to="/agents/runs" variant="default">Run history</Button>} />
      {agents.length === 0 ? (
        <EmptyState icon={<IconRobot size={28} aria-hidden color="var(--mantine-color-gray-5)" />} title="No agents for you"
          description="The installed modules declare no agent you may start." />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" aria-label="Agents" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {agents.map((a) => {
            const entity = a.entity ? ui.entities[a.entity] : undefined;
            const configured = states.data?.find((s) => s.name === a.name)?.configured;
            return (
              <Card component="li" key={a.name} withBorder padding="md" aria-label={a.label}>
                <Stack gap="xs" h="100%">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div>
                      <Title order={2} size="h4">{a.label}</Title>
                      <Text size="xs" c="dimmed" ff="monospace">{a.name}</Text>
                    </div>
                    <Badge variant="light" c="dark.7" color="gray">{a.module}</Badge>
                  </Group>
                  <Text size="sm" style={{ flex: 1 }}>{a.description}</Text>
                  <Group gap="xs">
                    {entity && <Badge variant="light" c="dark.7" color="brand">on {entity.pluralLabel}</Badge>}
                    {a.approval.length > 0 && <Badge variant="light" c="dark.7" color="orange">asks approval</Badge>}
                    {configured === false && <Badge variant="light" c="dark.7" color="red">model not configured</Badge>}
                  </Group>
                  <Group justify="flex-end" gap="xs">
                    <Button variant="default" size="xs" component={Link} to={`/agents/runs?agent=${encodeURIComponent(a.name)}`}>Runs</Button>
                    <Button size="xs" onClick={() => setRunning(a)} aria-label={`Run ${a.label}`}>Run</Button>
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      <RunAgentModal agent={running} onClose={() => setRunning(null)} />
    </>
  );
}
