// The live event stream (GET /api/v1/events/stream, server-sent events) read with fetch, because
// EventSource cannot send the bearer token. Events are already filtered for the caller by the server.
import { bearerToken } from './http';

export interface DomainEventMessage {
  /** The event's position in the log (its SSE id); resume after it. */
  id: string | null;
  /** The event type, e.g. deals.Deal.updated. */
  type: string;
  data: unknown;
}

export interface StreamOptions {
  /** Event types to receive (comma-separated on the wire); all visible events when absent. */
  types?: string[];
  /** Resume after this position. */
  after?: string | null;
  signal?: AbortSignal;
  onEvent: (event: DomainEventMessage) => void;
}

/** Splits a server-sent events text into messages; returns them and the unfinished rest. */
export function parseSse(buffer: string): { messages: DomainEventMessage[]; rest: string } {
  const messages: DomainEventMessage[] = [];
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let id: string | null = null;
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // heartbeat comment
      const colon = line.indexOf(':');
      const key = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (key === 'id') id = value;
      else if (key === 'event') type = value;
      else if (key === 'data') data.push(value);
    }
    if (data.length === 0) continue;
    const text = data.join('\n');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: hand over the text
    }
    messages.push({ id, type, data: parsed });
  }
  return { messages, rest };
}

/** Reads the stream until the signal aborts or the server closes it; resolves with the last position seen. */
export async function streamEvents(options: StreamOptions): Promise<string | null> {
  const params = new URLSearchParams();
  if (options.types?.length) params.set('types', options.types.join(','));
  if (options.after) params.set('after', options.after);
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  const token = bearerToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const query = params.toString();
  const response = await fetch(`/api/v1/events/stream${query ? `?${query}` : ''}`, { headers, signal: options.signal });
  if (!response.ok || !response.body) throw new Error(`event stream refused (${response.status})`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let last: string | null = options.after ?? null;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return last;
      const parsed = parseSse(buffer + value);
      buffer = parsed.rest;
      for (const message of parsed.messages) {
        if (message.id) last = message.id;
        options.onEvent(message);
      }
    }
  } catch (error) {
    if (options.signal?.aborted) return last;
    throw error;
  }
}
