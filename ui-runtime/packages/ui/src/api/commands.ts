// A record's workflow transitions and declared actions
// (POST {entityApi}/{id}/transitions/{name}, POST {entityApi}/{id}/actions/{name}).
// A refused transition is an ApiError whose problem carries the guard's message.
import { api } from './http';
import type { RecordData } from './types';

export function runTransition(entityApi: string, id: string, transition: string): Promise<RecordData> {
  return api<RecordData>(`${entityApi}/${encodeURIComponent(id)}/transitions/${encodeURIComponent(transition)}`, { method: 'POST' });
}

export interface ActionResult {
  action: string;
  result: unknown;
}

export function runAction(entityApi: string, id: string, action: string, input: Record<string, unknown> = {}): Promise<ActionResult> {
  return api<ActionResult>(`${entityApi}/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`, { method: 'POST', body: input });
}
