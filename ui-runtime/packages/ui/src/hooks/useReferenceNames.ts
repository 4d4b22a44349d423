import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FieldMeta, RecordData } from '../api/types';
import { displayNames } from '../api/records';
import { referenceBatches } from '../meta/references';

/** Display names of every record the given records reference: one request per target entity. */
export function useReferenceNames(fields: FieldMeta[], records: RecordData[]): Map<string, string> {
  const batches = useMemo(() => referenceBatches(fields, records), [fields, records]);
  const results = useQueries({
    queries: batches.map((b) => ({
      queryKey: ['names', b.api, b.ids.join(',')],
      queryFn: () => displayNames(b.api, b.displayField, b.ids),
      staleTime: 60_000,
    })),
  });
  return useMemo(() => {
    const out = new Map<string, string>();
    for (const r of results) r.data?.forEach((v, k) => out.set(k, v));
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results.map((r) => r.dataUpdatedAt).join(',')]);
}
