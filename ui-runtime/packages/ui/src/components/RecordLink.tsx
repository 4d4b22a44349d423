// A link to any record named by its URN, showing the record's display name from the entity registry.
// A record the caller may not read (or that is gone) shows as plain, dimmed text: never a broken link.
import { Anchor, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useResolve } from '../hooks/useApi';
import { routeOfApi } from '../meta/references';

export function RecordLink({ urn, fallback }: { urn: string; /** Shown when the URN does not resolve. */ fallback?: string }) {
  const resolved = useResolve(urn);
  if (resolved.isPending) return <Skeleton h={12} w={120} display="inline-block" aria-label="loading" />;
  const hit = resolved.data;
  if (!hit?.found || !hit.link) {
    return <Text span size="sm" c="dimmed" title={urn}>{fallback ?? 'Unavailable record'}</Text>;
  }
  return (
    <Anchor component={Link} to={routeOfApi(hit.link)} size="sm" title={hit.type} onClick={(e) => e.stopPropagation()}>
      {hit.display ?? urn}
    </Anchor>
  );
}
