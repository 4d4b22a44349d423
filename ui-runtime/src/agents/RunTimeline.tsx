// A run's timeline: the model's text as it streams, and each tool call with its arguments, approval
// and result (expandable).
import { Accordion, Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import IconTool from '@tabler/icons-react/icons/IconTool';
import type { TimelineItem } from './runState';
import { StructuredValue } from './StructuredValue';

type ToolItem = Extract<TimelineItem, { kind: 'tool' }>;

function callBadge(t: ToolItem) {
  if (t.phase === 'waiting') return <Badge color="orange" variant="light" c="dark.7">waiting for approval</Badge>;
  if (t.phase === 'running') return <Badge color="blue" variant="light" c="dark.7" leftSection={<Loader size={10} color="blue" />}>running</Badge>;
  if (t.decision?.decision === 'reject') return <Badge color="gray" variant="light" c="dark.7">rejected</Badge>;
  return t.ok ? <Badge color="green" variant="light" c="dark.7">done</Badge> : <Badge color="red" variant="light" c="dark.7">error</Badge>;
}

export function RunTimeline({ items, streaming }: { items: TimelineItem[]; streaming: boolean }) {
  if (items.length === 0) {
    return (
      <Group gap="xs" py="sm">
        {streaming && <Loader size="xs" />}
        <Text size="sm" c="dimmed">{streaming ? 'Waiting for the model…' : 'Nothing was said or done.'}</Text>
      </Group>
    );
  }
  const tools = items.filter((i): i is ToolItem => i.kind === 'tool');
  const open = tools.filter((t) => t.phase === 'waiting').map((t) => t.key);
  return (
    <Stack gap="sm" component="ol" aria-label="Timeline" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item, i) =>
        item.kind === 'text' ? (
          <li key={item.key}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="run-text">
              {item.text}
              {streaming && i === items.length - 1 && <span className="prm-caret" aria-hidden>▍</span>}
            </Text>
          </li>
        ) : (
          <li key={item.key} data-testid="tool-call" data-tool={item.tool}>
            <Paper withBorder>
              <Accordion variant="default" chevronPosition="left" defaultValue={open.includes(item.key) ? item.key : null}>
                <Accordion.Item value={item.key} style={{ borderBottom: 0 }}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Group gap={6} wrap="nowrap">
                        <IconTool size={16} aria-hidden />
                        <Text size="sm" ff="monospace">{item.tool}</Text>
                      </Group>
                      {callBadge(item)}
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="xs">
                      <div>
                        <Text size="xs" fw={700} c="dimmed" tt="uppercase">Arguments</Text>
                        <StructuredValue value={item.arguments} />
                      </div>
                      {item.decision && (
                        <Text size="sm">
                          {item.decision.decision === 'approve' ? 'Approved' : 'Rejected'} by {item.decision.byName ?? item.decision.by}
                          {item.decision.comment ? `: ${item.decision.comment}` : ''}
                        </Text>
                      )}
                      {item.phase === 'done' && item.result !== undefined && (
                        <div>
                          <Text size="xs" fw={700} c="dimmed" tt="uppercase">Result</Text>
                          <StructuredValue value={item.result} />
                        </div>
                      )}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              </Accordion>
            </Paper>
          </li>
        ),
      )}
    </Stack>
  );
}
