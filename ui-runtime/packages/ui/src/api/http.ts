// Calls to the engine's API with the signed-in user's bearer token; errors become ApiError carrying
// the RFC 9457 problem. The shell owns sign-in and hands the token over through configureCredentials,
// so module extensions call the API as the user and see exactly what the user may see.
import type { Problem } from '../meta/problems';

/** Where the client takes the bearer token from, and what it does when the API answers 401. */
export interface Credentials {
  token: () => string | null | undefined;
  onUnauthorized?: () => void;
}

let credentials: Credentials = { token: () => null };

/** Called once by the shell before the first request. */
export function configureCredentials(c: Credentials): void {
  credentials = c;
}

/** The bearer token of the signed-in user, for requests made outside send (an event stream). */
export function bearerToken(): string | null {
  return credentials.token() ?? null;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined | null>;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const q = params.toString();
  return q ? `${path}${path.includes('?') ? '&' : '?'}${q}` : path;
}

/**
 * A route answered in the browser instead of over the network (the designer's preview serves its
 * sample records this way, under paths that never reach the engine). Returns undefined for paths
 * it does not own.
 */
export type VirtualRoute = (url: string, options: RequestOptions) => Promise<Response> | undefined;
const virtualRoutes: VirtualRoute[] = [];

export function addVirtualRoute(route: VirtualRoute): () => void {
  virtualRoutes.push(route);
  return () => {
    const i = virtualRoutes.indexOf(route);
    if (i >= 0) virtualRoutes.splice(i, 1);
  };
}

function fetchOrVirtual(url: string, init: RequestInit, options: RequestOptions): Promise<Response> {
  for (const route of virtualRoutes) {
    const answer = route(url, options);
    if (answer) return answer;
  }
  return fetch(url, init);
}

export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = bearerToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetchOrVirtual(withQuery(path, options.query), { method: options.method ?? 'GET', headers, body }, options);
  if (response.status === 401) {
    credentials.onUnauthorized?.();
  }
  if (!response.ok && response.status !== 304) {
    let problem: Problem = { status: response.status, title: response.statusText };
    try {
      const text = await response.text();
      if (text) problem = JSON.parse(text) as Problem;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
