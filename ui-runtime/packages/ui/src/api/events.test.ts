import { describe, expect, it } from 'vitest';
import { parseSse } from './events';

describe('server-sent events parsing', () => {
  it('splits complete messages, keeps the unfinished rest, skips heartbeats and parses JSON data', () => {
    const text = ': heartbeat\n\nid: 41\nevent: deals.Deal.updated\ndata: {"id":"d1"}\n\nid: 42\ndata: plain\n\nid: 43\nda';
    const { messages, rest } = parseSse(text);
    expect(messages).toEqual([
      { id: '41', type: 'deals.Deal.updated', data: { id: 'd1' } },
      { id: '42', type: 'message', data: 'plain' },
    ]);
    expect(rest).toBe('id: 43\nda');
    expect(parseSse(rest + 'ta: {"n":1}\n\n').messages).toEqual([{ id: '43', type: 'message', data: { n: 1 } }]);
  });

  it('joins multi-line data and accepts CRLF line ends', () => {
    expect(parseSse('data: a\r\ndata: b\r\n\r\n').messages).toEqual([{ id: null, type: 'message', data: 'a\nb' }]);
  });
});
