// Full-text search across every entity the user may read (GET /api/v1/search): results grouped by
// entity, best first, each with its snippet (matches highlighted). The query is the URL's `q`.
import { Alert, Anchor, Badge, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import IconSearch from '@tabler/icons-react/icons/IconSearch';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyState, LinesSkeleton, PageHeader, routeOfApi, search, snippetParts } from '@prm/ui';

const PER_ENTITY = 10;

export function Snippet({ html }: { html?: string | null }) {
  const parts = snippetParts(html);
  if (parts.length === 0) return null;
  return (
    <Text size="sm" c="dimmed" className="prm-snippet">
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </Text>
  );
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (debounced !== q) setParams(debounced ? { q: debounced } : {}, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  const result = useQuery({ queryKey: ['search', q], queryFn: () => search(q, PER_ENTITY), enabled: q.length > 0 });
  const groups = result.data?.groups.filter((g) => g.items.length > 0) ?? [];

  return (
    <>
      <PageHeader crumbs={[{ label: 'Search' }]} title="Search" subtitle="Full-text search over every record you may read" />
      <TextInput
        mb="md"
        size="md"
        placeholder="Words to find…"
        aria-label="Search text"
        leftSection={<IconSearch size={18} aria-hidden />}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autoFocus
      />
      {!q ? (
        <EmptyState title="Type to search" description="Every word must match, as a word or the start of one." />
      ) : result.isPending ? (
        <LinesSkeleton lines={6} />
      ) : result.isError ? (
        <Alert color="red" role="alert" title="Search failed">{result.error.message}</Alert>
      ) : groups.length === 0 ? (
        <EmptyState title={`Nothing matches “${q}”`} description="Try fewer or shorter words." />
      ) : (
        <Stack gap="md">
          {groups.map((g) => (
            <Paper p="md" key={g.type} component="section" aria-label={g.label}>
              <Group gap="xs" mb="xs">
                <Title order={2} size="h3">{g.label}</Title>
                <Text span size="sm" c="dimmed">({g.items.length}{g.capped ? '+' : ''})</Text>
                {g.capped && <Badge variant="light" color="gray" tt="none" c="dark.7">more matches: refine the words</Badge>}
              </Group>
              <Stack component="ol" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {g.items.map((hit) => (
                  <li key={hit.id}>
                    <Anchor component={Link} to={routeOfApi(hit.link)} fw={600} size="sm">{hit.display}</Anchor>
                    <Snippet html={hit.snippet} />
                  </li>
                ))}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
