import { describe, expect, it } from 'vitest';
import { initialRunView, reduceRun, runActions, viewOfRun, type RunEvent, type RunView } from './runState';

const ev = (id: number, type: string, data: unknown): RunEvent => ({ id: String(id), type, data });
const fold = (events: RunEvent[], from: RunView = initialRunView) => events.reduce(reduceRun, from);

const approvalRun = [
  ev(1, 'status', { status: 'queued' }),
  ev(2, 'status', { status: 'running' }),
  ev(3, 'text', { delta: 'Looking at ' }),
  ev(4, 'text', { delta: 'the partner.' }),
  ev(5, 'message', { text: 'Looking at the partner.', toolCalls: [{ id: 'c1' }], tokensIn: 10, tokensOut: 5 }),
  ev(6, 'tool_call', { callId: 'c1', tool: 'partners.Partner.get', arguments: { id: 'p1' } }),
  ev(7, 'tool_result', { callId: 'c1', tool: 'partners.Partner.get', ok: true, result: { score: 10 } }),
  ev(8, 'message', { text: '', toolCalls: [{ id: 'c2' }], tokensIn: 10, tokensOut: 5 }),
  ev(9, 'status', { status: 'waiting_for_approval' }),
  ev(10, 'approval_needed', { callId: 'c2', tool: 'partners.Partner.update', arguments: { id: 'p1', values: { score: 77 } } }),
];

describe('the run stream reducer', () => {
  it('joins text deltas of a turn, lists tool calls with results, and shows the call waiting for approval', () => {
    const v = fold(approvalRun);
    expect(v.status).toBe('waiting_for_approval');
    expect(v.items.map((i) => i.kind)).toEqual(['text', 'tool', 'tool']);
    expect(v.items[0]).toMatchObject({ kind: 'text', text: 'Looking at the partner.' });
    expect(v.items[1]).toMatchObject({ callId: 'c1', phase: 'done', ok: true, result: { score: 10 }, arguments: { id: 'p1' } });
    expect(v.items[2]).toMatchObject({ callId: 'c2', phase: 'waiting', tool: 'partners.Partner.update' });
    expect(v.pending).toEqual({ callId: 'c2', tool: 'partners.Partner.update', arguments: { id: 'p1', values: { score: 77 } } });
    expect(v.turns).toBe(2);
    expect(v.tokens).toBe(30);
    expect(v.seq).toBe(10);
  });

  it('an approval resumes the call, then its result and the output end the run', () => {
    const v = fold([
      ev(11, 'approval', { callId: 'c2', decision: 'approve', by: 'alice', byName: 'alice' }),
      ev(12, 'status', { status: 'queued' }),
      ev(13, 'status', { status: 'running' }),
      ev(14, 'tool_call', { callId: 'c2', tool: 'partners.Partner.update', arguments: { id: 'p1', values: { score: 77 } } }),
      ev(15, 'tool_result', { callId: 'c2', tool: 'partners.Partner.update', ok: true, result: { score: 77 } }),
      ev(16, 'text', { delta: '{"recommendations":[]}' }),
      ev(17, 'message', { text: '{"recommendations":[]}' }),
      ev(18, 'output', { output: { recommendations: [] } }),
      ev(19, 'status', { status: 'succeeded' }),
    ], fold(approvalRun));
    expect(v.pending).toBeNull();
    expect(v.items[2]).toMatchObject({ callId: 'c2', phase: 'done', ok: true, decision: { decision: 'approve', byName: 'alice' } });
    expect(v.items.filter((i) => i.kind === 'tool')).toHaveLength(2);
    expect(v.hasOutput).toBe(true);
    expect(v.output).toEqual({ recommendations: [] });
    // the raw JSON answer gives way to the rendered output
    expect(v.items.filter((i) => i.kind === 'text').map((i) => (i as { text: string }).text)).toEqual(['Looking at the partner.']);
    expect(v.status).toBe('succeeded');
  });

  it('a rejected call is done and not ok, without a tool_call event', () => {
    const v = fold([
      ev(11, 'approval', { callId: 'c2', decision: 'reject', byName: 'alice', comment: 'no' }),
      ev(12, 'status', { status: 'queued' }),
      ev(13, 'tool_result', { callId: 'c2', tool: 'partners.Partner.update', ok: false, result: { error: { status: 403 } } }),
    ], fold(approvalRun));
    expect(v.items[2]).toMatchObject({ phase: 'done', ok: false, decision: { decision: 'reject', comment: 'no' } });
    expect(v.pending).toBeNull();
  });

  it('ignores events replayed after a reconnect with Last-Event-ID, and unknown kinds', () => {
    const once = fold(approvalRun);
    const twice = fold([...approvalRun.slice(5), ev(11, 'mystery', {})], once);
    expect(twice).toBe(once);
  });

  it('a message whose text was not streamed still shows its text; a failure keeps its reason', () => {
    const v = fold([ev(1, 'status', { status: 'running' }), ev(2, 'message', { text: 'All good.' }),
      ev(3, 'status', { status: 'failed', reason: 'the answer is not JSON' })]);
    expect(v.items).toEqual([{ kind: 'text', key: 'text-2', text: 'All good.' }]);
    expect(v.reason).toBe('the answer is not JSON');
  });

  it('a cancel while waiting leaves no call waiting', () => {
    const v = fold([ev(11, 'status', { status: 'cancelled', reason: 'cancelled by alice' })], fold(approvalRun));
    expect(v.pending).toBeNull();
    expect(v.items[2]).toMatchObject({ phase: 'done' });
  });
});

describe('what the user may do on a run', () => {
  it('cancels while not over, decides only while a call waits, and not twice at once', () => {
    const waiting = fold(approvalRun);
    expect(runActions(waiting, false)).toEqual({ cancel: true, decide: true });
    expect(runActions(waiting, true)).toEqual({ cancel: false, decide: false });
    const running = fold(approvalRun.slice(0, 5));
    expect(runActions(running, false)).toEqual({ cancel: true, decide: false });
    const done = fold([ev(11, 'status', { status: 'succeeded' })], waiting);
    expect(runActions(done, false)).toEqual({ cancel: false, decide: false });
    expect(runActions(initialRunView, false)).toEqual({ cancel: false, decide: false });
  });

  it('starts from a run read before its stream', () => {
    const v = viewOfRun({ id: 'r', module: 'partners', agent: 'partner-analyst', trigger: 'manual', principal: 'alice', status: 'waiting_for_approval',
      pending_call: { callId: 'c2', tool: 't', arguments: {} }, steps: 2, created_at: '' });
    expect(runActions(v, false).decide).toBe(true);
  });
});
