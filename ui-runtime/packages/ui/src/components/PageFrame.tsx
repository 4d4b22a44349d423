// The page frame: breadcrumbs, title and actions on top, the page's content below — the same on
// every generated page and every module page.
import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export interface Crumb {
  label: string;
  to?: string;
}

/** Breadcrumbs, the page title and the page's actions, the same on every page. */
export function PageHeader({ crumbs, title, subtitle, actions }: { crumbs: Crumb[]; title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Stack gap={4} mb="md">
      <Breadcrumbs aria-label="Breadcrumb" separatorMargin={6}>
        {[{ label: 'Home', to: '/' }, ...crumbs].map((c, i, all) =>
          c.to && i < all.length - 1 ? (
            <Anchor component={Link} to={c.to} key={i} size="sm">
              {c.label}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed" key={i} aria-current={i === all.length - 1 ? 'page' : undefined}>
              {c.label}
            </Text>
          ),
        )}
      </Breadcrumbs>
      {/* The actions wrap under the title when both do not fit (phones, narrow tablets): the title
          keeps its width and wraps its own text rather than collapsing to nothing. */}
      <Group justify="space-between" align="flex-end" gap="xs" wrap="wrap">
        <div style={{ minWidth: 'min(100%, 12rem)', flex: '1 1 12rem' }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {subtitle && (
            <Text size="sm" c="dimmed">
              {subtitle}
            </Text>
          )}
        </div>
        {actions && <Group gap="xs" wrap="wrap" className="prm-page-actions">{actions}</Group>}
      </Group>
    </Stack>
  );
}

/** A whole page: the header, then the content. Module pages start from this. */
export function PageFrame({ crumbs = [], title, subtitle, actions, children }: {
  crumbs?: Crumb[]; title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; children?: ReactNode;
}) {
  return (
    <Box component="article">
      <PageHeader crumbs={crumbs} title={title} subtitle={subtitle} actions={actions} />
      <Stack gap="md">{children}</Stack>
    </Box>
  );
}
