// Follows a run's stream into its view: replayed from the first event, resumed with Last-Event-ID
// after a drop, ended by the run's final status.
import { useEffect, useReducer, useRef, useState } from 'react';
import { follow } from '../api/sse';
import { runStreamUrl } from './api';
import { initialRunView, isFinal, reduceRun, type RunEvent } from './runState';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'ended' | 'refused';

export function useRunStream(id: string) {
  const [view, dispatch] = useReducer(reduceRun, initialRunView);
  const [connection, setConnection] = useState<Connection>('connecting');
  const final = useRef(false);
  final.current = isFinal(view.status);
  useEffect(() => {
    const stop = new AbortController();
    void follow(runStreamUrl(id), {
      signal: stop.signal,
      isEnd: () => final.current,
      onState: (s, error) => setConnection(s === 'ended' && error ? 'refused' : s),
      onMessage: (m) => {
        if (m.type === 'status' && m.data && typeof m.data === 'object') {
          final.current = isFinal(String((m.data as { status?: unknown }).status ?? '') as never);
        }
        dispatch(m as RunEvent);
      },
    });
    return () => stop.abort();
  }, [id]);
  return { view, connection };
}
