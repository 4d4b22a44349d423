// The UI metadata, revalidated with its ETag: a 304 keeps the copy already held.
import { useQuery } from '@tanstack/react-query';
import { send, type AuthConfig, type UiMetadata } from '@prm/ui';
import { currentSession, fetchAuthConfig } from './session';

let cached: { user: string; etag: string; body: UiMetadata } | null = null;

export async function fetchMetadata(): Promise<UiMetadata> {
  const user = currentSession()?.username ?? '';
  const headers: Record<string, string> = {};
  if (cached && cached.user === user) headers['If-None-Match'] = cached.etag;
  const response = await send('/api/v1/ui/metadata', { headers });
  if (response.status === 304 && cached) return cached.body;
  const body = (await response.json()) as UiMetadata;
  const etag = response.headers.get('ETag');
  cached = etag ? { user, etag, body } : null;
  return body;
}

export function useMetadata(enabled = true) {
  return useQuery({ queryKey: ['ui-metadata', currentSession()?.username], queryFn: fetchMetadata, enabled, staleTime: 30_000 });
}

export function useAuthConfig() {
  return useQuery<AuthConfig>({ queryKey: ['ui-auth'], queryFn: fetchAuthConfig, staleTime: Infinity, retry: 1 });
}
