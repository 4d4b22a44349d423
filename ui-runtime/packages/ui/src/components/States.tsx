// Empty states and loading skeletons: every page and widget says the same thing the same way
// while it loads, when there is nothing to show and when loading failed.
import { Alert, Group, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ title, description, icon, action }: { title: string; description?: ReactNode; icon?: ReactNode; action?: ReactNode }) {
  return (
    <Stack gap={4} align="center" py="lg" role="status">
      {icon}
      <Text size="sm" fw={600}>{title}</Text>
      {description && <Text size="xs" c="dimmed" ta="center">{description}</Text>}
      {action}
    </Stack>
  );
}

export function ErrorState({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return <Alert color="red" title="Could not load">{message}</Alert>;
}

/** Lines of text placeholder (widgets, cards). */
export function LinesSkeleton({ lines = 3 }: { lines?: number }) {
  return (
    <Stack gap={6} aria-busy="true" aria-label="loading">
      {Array.from({ length: lines }, (_, i) => <Skeleton key={i} h={12} w={i === lines - 1 ? '60%' : '100%'} />)}
    </Stack>
  );
}

/** Rows of a table placeholder. */
export function TableSkeleton({ rows = 5, columns = 3 }: { rows?: number; columns?: number }) {
  return (
    <Stack gap={10} aria-busy="true" aria-label="loading">
      {Array.from({ length: rows }, (_, r) => (
        <Group key={r} gap="md" wrap="nowrap">
          {Array.from({ length: columns }, (_, c) => <Skeleton key={c} h={12} style={{ flex: 1 }} />)}
        </Group>
      ))}
    </Stack>
  );
}
