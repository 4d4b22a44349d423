// Any JSON value as readable UI: objects as term/definition lists, arrays of objects as cards,
// record URNs as links to the record. Used for tool arguments, tool results and a run's output.
import { Badge, Code, Paper, Stack, Text } from '@mantine/core';
import { RecordLink } from '@prm/ui';

const URN = /^urn:prm:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*:[0-9a-f-]{36}$/;

const label = (key: string) => key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

export function StructuredValue({ value, depth = 0 }: { value: unknown; depth?: number }) {
  if (value === null || value === undefined) return <Text span size="sm" c="dimmed">—</Text>;
  if (typeof value === 'string') {
    if (URN.test(value)) return <RecordLink urn={value} fallback={value} />;
    return <Text span size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</Text>;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return <Text span size="sm">{String(value)}</Text>;
  if (depth > 4) return <Code>{JSON.stringify(value)}</Code>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <Text span size="sm" c="dimmed">none</Text>;
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      return <>{value.map((v, i) => <Badge key={i} variant="light" c="dark.7" color="gray" mr={4} tt="none">{String(v)}</Badge>)}</>;
    }
    return (
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {value.map((v, i) => (
          <Paper component="li" key={i} withBorder p="xs"><StructuredValue value={v} depth={depth + 1} /></Paper>
        ))}
      </Stack>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return <Text span size="sm" c="dimmed">empty</Text>;
  return (
    <dl className="prm-card-fields">
      {entries.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <Text component="dt" size="xs" c="dimmed" fw={600}>{label(k)}</Text>
          <dd><StructuredValue value={v} depth={depth + 1} /></dd>
        </div>
      ))}
    </dl>
  );
}
