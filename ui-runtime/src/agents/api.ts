// The agents API (docs/agents.md): agents the user may start, runs, approvals, cancel; plus the
// user's tasks. Runs are streamed by runState's reducer from GET /api/v1/agents/runs/{id}/stream.
import { api } from '@prm/ui';

export type RunStatus = 'queued' | 'running' | 'waiting_for_approval' | 'succeeded' | 'failed' | 'cancelled' | 'timed_out';
export const RUN_STATUSES: RunStatus[] = ['queued', 'running', 'waiting_for_approval', 'succeeded', 'failed', 'cancelled', 'timed_out'];
export const FINAL_STATUSES: RunStatus[] = ['succeeded', 'failed', 'cancelled', 'timed_out'];

export interface PendingCall {
  callId: string;
  tool: string;
  arguments: unknown;
}

export interface Run {
  id: string;
  module: string;
  agent: string;
  trigger: string;
  principal: string;
  principal_name?: string | null;
  acts_as_agent?: boolean;
  status: RunStatus;
  reason?: string | null;
  input?: { record?: string | null; input?: unknown } | null;
  output?: unknown;
  steps: number;
  tokens_in?: number;
  tokens_out?: number;
  elapsed_ms?: number;
  pending_call?: PendingCall | null;
  created_at: string;
  finished_at?: string | null;
}

export interface AgentState {
  name: string;
  configured: boolean;
}

export interface RunQuery {
  agent?: string | null;
  status?: string | null;
  record?: string | null;
  cursor?: string | null;
  limit?: number;
}

export const agentStates = () => api<{ items: AgentState[] }>('/api/v1/agents').then((r) => r.items);

export const startRun = (agent: string, body: { record?: string; input?: string }) =>
  api<Run>(`/api/v1/agents/${encodeURIComponent(agent)}/runs`, { method: 'POST', body });

export const listRuns = (q: RunQuery) =>
  api<{ items: Run[]; nextCursor?: string | null }>('/api/v1/agents/runs', { query: { ...q } as Record<string, string | number | null | undefined> });

export const getRun = (id: string) => api<Run>(`/api/v1/agents/runs/${encodeURIComponent(id)}`);

export const cancelRun = (id: string) => api<Run>(`/api/v1/agents/runs/${encodeURIComponent(id)}/cancel`, { method: 'POST' });

export const decide = (id: string, callId: string, decision: 'approve' | 'reject', comment?: string) =>
  api<Run>(`/api/v1/agents/runs/${encodeURIComponent(id)}/approvals/${encodeURIComponent(callId)}`, {
    method: 'POST',
    body: comment ? { decision, comment } : { decision },
  });

export const runStreamUrl = (id: string) => `/api/v1/agents/runs/${encodeURIComponent(id)}/stream`;

export const agentName = (run: Pick<Run, 'module' | 'agent'>) => `${run.module}.${run.agent}`;

export interface Task {
  id: string;
  title: string;
  description?: string | null;
  assignee: string;
  status: 'open' | 'done' | 'cancelled';
  record_urn?: string | null;
  due_on?: string | null;
  created_by?: string | null;
  created_by_name?: string | null;
  created_at: string;
}

export const listTasks = (status: string) => api<{ items: Task[] }>('/api/v1/tasks', { query: { assignee: 'me', status, limit: 200 } }).then((r) => r.items);

export const setTaskStatus = (id: string, status: Task['status']) =>
  api<Task>(`/api/v1/tasks/${encodeURIComponent(id)}`, { method: 'PATCH', body: { status } });

/** The URN of a record of an entity (urn:prm:{module}:{entity}:{id}), from its API path. */
export function recordUrn(entity: { module: string; api: string }, id: string): string {
  return `urn:prm:${entity.module}:${entity.api.split('/').pop()}:${id}`;
}
