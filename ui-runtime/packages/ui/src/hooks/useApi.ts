// React Query bindings of the API client for module code: records, one record, URN resolution,
// the live event stream, transitions and actions. Writes invalidate the entity's cached reads.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { runAction, runTransition } from '../api/commands';
import { streamEvents, type DomainEventMessage } from '../api/events';
import { getRecord, listRecords, type ListParams } from '../api/records';
import { resolveUrn } from '../api/resolve';

/** One page of an entity's records (entityApi from metadata, e.g. /api/v1/deals/deal). */
export function useRecords(entityApi: string | null | undefined, params: ListParams = {}) {
  return useQuery({
    queryKey: ['records', entityApi, params],
    queryFn: () => listRecords(entityApi!, params),
    enabled: !!entityApi,
  });
}

export function useRecord(entityApi: string | null | undefined, id: string | null | undefined) {
  return useQuery({
    queryKey: ['record', entityApi, id],
    queryFn: () => getRecord(entityApi!, id!),
    enabled: !!entityApi && !!id,
  });
}

/** Type, display name and link of a URN; lookups of one render travel in one request. */
export function useResolve(urn: string | null | undefined) {
  return useQuery({
    queryKey: ['resolve', urn],
    queryFn: () => resolveUrn(urn!),
    enabled: !!urn,
    staleTime: 60_000,
  });
}

function invalidateEntity(client: ReturnType<typeof useQueryClient>, entityApi: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['records', entityApi] }),
    client.invalidateQueries({ queryKey: ['record', entityApi] }),
    client.invalidateQueries({ queryKey: ['list', entityApi] }),
  ]);
}

/** Performs a workflow transition; a refusal rejects with an ApiError carrying the server's reason. */
export function useTransition(entityApi: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, transition }: { id: string; transition: string }) => runTransition(entityApi, id, transition),
    onSettled: () => invalidateEntity(client, entityApi),
  });
}

export function useAction(entityApi: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, input }: { id: string; action: string; input?: Record<string, unknown> }) =>
      runAction(entityApi, id, action, input),
    onSettled: () => invalidateEntity(client, entityApi),
  });
}

/**
 * Calls onEvent for every event of the given types while the component is mounted; reconnects after
 * a dropped connection, resuming after the last event seen.
 */
export function useEventStream(types: string[], onEvent: (event: DomainEventMessage) => void, enabled = true) {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = types.join(',');
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let after: string | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      streamEvents({ types: key ? key.split(',') : undefined, after, signal: abort.signal, onEvent: (e) => {
        if (e.id) after = e.id;
        handler.current(e);
      } }).catch(() => undefined).finally(() => {
        if (!abort.signal.aborted) retry = setTimeout(open, 3000);
      });
    };
    open();
    return () => {
      abort.abort();
      clearTimeout(retry);
    };
  }, [key, enabled]);
}
