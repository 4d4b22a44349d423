// The frame of every widget: a titled card with optional actions, and the loading, empty and error
// states handled in one place so widgets of all modules look and behave alike.
import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LinesSkeleton } from './States';

export interface WidgetCardProps {
  title: ReactNode;
  /** Accessible name of the section when the title is not plain text. */
  label?: string;
  actions?: ReactNode;
  loading?: boolean;
  error?: unknown;
  /** When set and nothing else is shown, the card shows this empty state. */
  empty?: string | false;
  children?: ReactNode;
}

export function WidgetCard({ title, label, actions, loading, error, empty, children }: WidgetCardProps) {
  let body: ReactNode = children;
  if (loading) body = <LinesSkeleton />;
  else if (error) body = <ErrorState error={error} />;
  else if (empty) body = <EmptyState title={empty} />;
  return (
    <Paper p="md" component="section" aria-label={label ?? (typeof title === 'string' ? title : undefined)}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h3">{title}</Title>
        {actions}
      </Group>
      {body}
    </Paper>
  );
}
