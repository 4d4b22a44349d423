// Key figures of a widget or page (a partner's tier, won total, open deals): a label above each
// value, in a grid that wraps on narrow widths. A value still loading shows a skeleton.
import { SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Metric {
  label: string;
  value: ReactNode;
  /** The value is still loading. */
  loading?: boolean;
}

export function Metrics({ items, columns = 2 }: { items: Metric[]; columns?: number }) {
  return (
    <SimpleGrid cols={columns} spacing="sm" verticalSpacing="sm" component="dl" m={0}>
      {items.map((m) => (
        <Stack key={m.label} gap={2}>
          <Text component="dt" size="xs" c="dimmed" fw={600}>{m.label}</Text>
          <Text component="dd" size="sm" m={0} aria-busy={m.loading || undefined}>
            {m.loading ? <Skeleton h={14} w="70%" display="inline-block" aria-label="loading" /> : m.value ?? '—'}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
