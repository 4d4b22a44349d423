// A fake engine at the HTTP boundary: replaces global fetch, records every request the code under
// test makes and answers it from a function. Components run their real client code against it.

export interface FakeRequest {
  method: string;
  /** The path without the query, e.g. /api/v1/partners/partner. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

export interface FakeApi {
  readonly requests: FakeRequest[];
  /** Requests to one path, in order. */
  to(path: string): FakeRequest[];
  restore(): void;
}

/** Answers: a Response as is, undefined as 404, anything else as 200 JSON. */
export function fakeApi(answer: (request: FakeRequest) => unknown): FakeApi {
  const original = globalThis.fetch;
  const requests: FakeRequest[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://prm.test');
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const request: FakeRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
      headers,
    };
    requests.push(request);
    const out = await answer(request);
    if (out instanceof Response) return out;
    if (out === undefined) return new Response(JSON.stringify({ status: 404, title: 'Not Found' }), { status: 404 });
    return new Response(JSON.stringify(out), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return {
    requests,
    to: (path) => requests.filter((r) => r.path === path),
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
