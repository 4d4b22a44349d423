// A run's server-sent events (docs/agents.md, "Events of a run") folded into what the run page shows:
// the status, text as it streams, tool calls as a timeline (with their approval and result), the
// call waiting for approval and the final output. Pure, so the page and its tests share it.
import { FINAL_STATUSES, type PendingCall, type Run, type RunStatus } from './api';

export interface Decision {
  decision: 'approve' | 'reject' | string;
  by?: string;
  byName?: string;
  comment?: string;
}

export type TimelineItem =
  | { kind: 'text'; key: string; text: string }
  | {
      kind: 'tool';
      key: string;
      callId: string;
      tool: string;
      arguments: unknown;
      /** requested: waiting for approval; running: executing; done: answered (ok or not). */
      phase: 'waiting' | 'running' | 'done';
      ok?: boolean;
      result?: unknown;
      decision?: Decision;
    };

export interface RunView {
  status: RunStatus | null;
  reason: string | null;
  /** The last event number applied: events at or below it are repeats of a resumed stream. */
  seq: number;
  items: TimelineItem[];
  pending: PendingCall | null;
  output: unknown;
  hasOutput: boolean;
  /** Model turns seen in the stream, and their tokens. */
  turns: number;
  tokens: number;
  /** Open text item: deltas append to it until a model turn ends. */
  openText: string | null;
}

export const initialRunView: RunView = {
  status: null, reason: null, seq: 0, items: [], pending: null, output: undefined, hasOutput: false, turns: 0, tokens: 0, openText: null,
};

export interface RunEvent {
  id?: string | null;
  type: string;
  data: unknown;
}

type Data = Record<string, unknown>;

function tool(view: RunView, callId: string, init: () => Extract<TimelineItem, { kind: 'tool' }>, change: (t: Extract<TimelineItem, { kind: 'tool' }>) => Extract<TimelineItem, { kind: 'tool' }>): TimelineItem[] {
  const i = view.items.findIndex((x) => x.kind === 'tool' && x.callId === callId);
  if (i < 0) return [...view.items, change(init())];
  const items = view.items.slice();
  items[i] = change(items[i] as Extract<TimelineItem, { kind: 'tool' }>);
  return items;
}

/** Applies one event; repeats (an id already applied) change nothing. */
export function reduceRun(view: RunView, event: RunEvent): RunView {
  const seq = event.id ? Number(event.id) : NaN;
  if (Number.isFinite(seq) && seq <= view.seq) return view;
  const next: RunView = Number.isFinite(seq) ? { ...view, seq } : { ...view };
  const d = (event.data && typeof event.data === 'object' ? event.data : {}) as Data;
  const callId = String(d.callId ?? '');
  const newTool = () => ({ kind: 'tool' as const, key: `call-${callId}`, callId, tool: String(d.tool ?? ''), arguments: d.arguments, phase: 'running' as const });
  switch (event.type) {
    case 'status': {
      const status = String(d.status ?? '') as RunStatus;
      next.status = status;
      next.reason = typeof d.reason === 'string' ? d.reason : null;
      if (status !== 'waiting_for_approval') next.pending = null;
      if (FINAL_STATUSES.includes(status)) {
        next.openText = null;
        // a call left waiting by a cancel is not waiting any more
        next.items = next.items.map((x) => (x.kind === 'tool' && x.phase === 'waiting' ? { ...x, phase: 'done' } : x));
      }
      return next;
    }
    case 'text': {
      const delta = String(d.delta ?? '');
      if (next.openText !== null) {
        const items = next.items.slice();
        const last = items[items.length - 1];
        if (last?.kind === 'text' && last.key === next.openText) {
          items[items.length - 1] = { ...last, text: last.text + delta };
          next.items = items;
          return next;
        }
      }
      const key = `text-${Number.isFinite(seq) ? seq : next.items.length}`;
      next.items = [...next.items, { kind: 'text', key, text: delta }];
      next.openText = key;
      return next;
    }
    case 'message': {
      next.turns = view.turns + 1;
      next.tokens = view.tokens + Number(d.tokensIn ?? 0) + Number(d.tokensOut ?? 0);
      const text = typeof d.text === 'string' ? d.text : '';
      const streamed = next.openText !== null;
      next.openText = null;
      if (!streamed && text.trim()) {
        // a turn whose text was not streamed (or whose deltas came before the stream was read)
        next.items = [...next.items, { kind: 'text', key: `text-${Number.isFinite(seq) ? seq : next.items.length}`, text }];
      }
      return next;
    }
    case 'tool_call':
      next.openText = null;
      next.items = tool(next, callId, newTool, (t) => ({ ...t, tool: String(d.tool ?? t.tool), arguments: d.arguments ?? t.arguments, phase: 'running' }));
      return next;
    case 'tool_result':
      next.items = tool(next, callId, newTool, (t) => ({ ...t, phase: 'done', ok: d.ok === true, result: d.result }));
      return next;
    case 'approval_needed':
      next.openText = null;
      next.pending = { callId, tool: String(d.tool ?? ''), arguments: d.arguments };
      next.items = tool(next, callId, newTool, (t) => ({ ...t, phase: 'waiting' }));
      return next;
    case 'approval': {
      const decision: Decision = { decision: String(d.decision ?? ''), by: d.by as string, byName: d.byName as string, comment: d.comment as string };
      if (next.pending?.callId === callId) next.pending = null;
      next.items = tool(next, callId, newTool, (t) => ({ ...t, decision, phase: decision.decision === 'approve' ? 'running' : 'done', ok: decision.decision === 'approve' ? t.ok : false }));
      return next;
    }
    case 'output': {
      next.output = d.output;
      next.hasOutput = true;
      // the model's final answer is that JSON (maybe fenced): the rendered output replaces its raw text
      const last = next.items[next.items.length - 1];
      if (last?.kind === 'text' && /^(\{|```)/.test(last.text.trim())) next.items = next.items.slice(0, -1);
      next.openText = null;
      return next;
    }
    default:
      return view; // unknown kinds (newer engines) are ignored
  }
}

/** The view of a run read with GET …/runs/{id} before (or without) its stream. */
export function viewOfRun(run: Run): RunView {
  return {
    ...initialRunView,
    status: run.status,
    reason: run.reason ?? null,
    pending: run.status === 'waiting_for_approval' ? run.pending_call ?? null : null,
    output: run.output,
    hasOutput: run.output !== undefined && run.output !== null,
  };
}

export const isFinal = (status: RunStatus | null) => status !== null && FINAL_STATUSES.includes(status);

/** What the user may do now: cancel while the run is not over; decide while a call waits. */
export function runActions(view: RunView, busy: boolean): { cancel: boolean; decide: boolean } {
  const over = isFinal(view.status);
  return { cancel: !busy && view.status !== null && !over, decide: !busy && !over && view.status === 'waiting_for_approval' && view.pending !== null };
}

export const STATUS_COLORS: Record<RunStatus, string> = {
  queued: 'gray', running: 'blue', waiting_for_approval: 'orange', succeeded: 'green', failed: 'red', cancelled: 'gray', timed_out: 'red',
};

export const statusLabel = (s: RunStatus | string) => s.replace(/_/g, ' ');
