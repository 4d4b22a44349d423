// A server-sent events stream read with fetch (EventSource cannot send the bearer token), resumed
// with Last-Event-ID after a drop: `follow` reconnects with a growing pause until the server ends the
// stream on purpose (`isEnd`) or the signal aborts.
import { bearerToken, parseSse, type DomainEventMessage } from '@prm/ui';

export type SseMessage = DomainEventMessage;

export class StreamRefused extends Error {
  constructor(readonly status: number) {
    super(`the stream was refused (${status})`);
  }
}

/** Reads one connection to its end; resolves with the last event id seen. */
export async function readSse(url: string, opts: { lastEventId?: string | null; signal?: AbortSignal; onMessage: (m: SseMessage) => void }): Promise<string | null> {
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  const token = bearerToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.lastEventId) headers['Last-Event-ID'] = opts.lastEventId;
  const response = await fetch(url, { headers, signal: opts.signal });
  if (!response.ok || !response.body) throw new StreamRefused(response.status);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let last = opts.lastEventId ?? null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return last;
    const parsed = parseSse(buffer + value);
    buffer = parsed.rest;
    for (const m of parsed.messages) {
      if (m.id) last = m.id;
      opts.onMessage(m);
    }
  }
}

export interface FollowOptions {
  signal: AbortSignal;
  onMessage: (m: SseMessage) => void;
  /** True once the stream has said all it will (then a closed connection is not a drop). */
  isEnd?: () => boolean;
  /** Connection state for the page: live, or reconnecting after a drop. */
  onState?: (state: 'live' | 'reconnecting' | 'ended', error?: unknown) => void;
  /** Pauses between attempts, in ms (tests shorten them). */
  delays?: number[];
}

/** Follows a stream across drops, resuming after the last event id; 4xx answers stop it. */
export async function follow(url: string, opts: FollowOptions): Promise<void> {
  const delays = opts.delays ?? [500, 1000, 2000, 5000];
  let last: string | null = null;
  let attempt = 0;
  while (!opts.signal.aborted) {
    try {
      opts.onState?.('live');
      await readSse(url, {
        lastEventId: last,
        signal: opts.signal,
        onMessage: (m) => {
          attempt = 0;
          if (m.id) last = m.id; // kept across a drop mid-stream: the next connection resumes after it
          opts.onMessage(m);
        },
      });
      if (opts.isEnd?.() || opts.isEnd === undefined) {
        opts.onState?.('ended');
        return;
      }
    } catch (e) {
      if (opts.signal.aborted) return;
      if (e instanceof StreamRefused && e.status >= 400 && e.status < 500) {
        opts.onState?.('ended', e);
        return;
      }
      opts.onState?.('reconnecting', e);
    }
    if (opts.signal.aborted) return;
    opts.onState?.('reconnecting');
    await new Promise((r) => setTimeout(r, delays[Math.min(attempt++, delays.length - 1)]));
  }
}
