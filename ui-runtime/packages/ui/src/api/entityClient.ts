// A typed view of one entity's record API, for the clients `prm types` generates from a module's
// manifest (`export const Deals = entityClient<Deal, DealInput, DealPatch, DealTransition>('/api/v1/deals/deal')`).
// Every call goes through the untyped functions of records.ts and commands.ts: the types are the
// manifest's promise about what the API returns, not a second HTTP client.
import { runAction, runTransition, type ActionResult } from './commands';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord, type ListParams } from './records';
import type { Page } from './types';

/**
 * One entity's records, typed: T the record as the API returns it, I the create body, P the patch
 * body, Tr the workflow transitions' names, A the custom actions' names.
 */
export interface EntityClient<T extends { id: string }, I = Partial<T>, P = Partial<I>, Tr extends string = string, A extends string = string> {
  /** The entity's API path, e.g. /api/v1/deals/deal (also the React Query key the hooks use). */
  readonly api: string;
  list(params?: ListParams): Promise<Page<T>>;
  get(id: string): Promise<T>;
  create(input: I): Promise<T>;
  /** A JSON merge patch; with `version`, sent as If-Match so that a concurrent change is refused (412). */
  update(id: string, patch: P, version?: number): Promise<T>;
  remove(id: string): Promise<void>;
  /** A workflow transition; a refusal rejects with an ApiError whose problem carries the server's reason. */
  transition(id: string, name: Tr): Promise<T>;
  action(id: string, name: A, input?: Record<string, unknown>): Promise<ActionResult>;
}

/** Any typed client; what the hooks accept. */
export type AnyEntityClient<T extends { id: string } = { id: string }> = EntityClient<T, any, any, any, any>;

type Body = Record<string, unknown>;

export function entityClient<T extends { id: string }, I = Partial<T>, P = Partial<I>, Tr extends string = string, A extends string = string>(
  api: string,
): EntityClient<T, I, P, Tr, A> {
  return {
    api,
    list: (params = {}) => listRecords(api, params) as Promise<Page<unknown>> as Promise<Page<T>>,
    get: (id) => getRecord(api, id) as Promise<unknown> as Promise<T>,
    create: (input) => createRecord(api, input as unknown as Body) as Promise<unknown> as Promise<T>,
    update: (id, patch, version) => updateRecord(api, id, version, patch as unknown as Body) as Promise<unknown> as Promise<T>,
    remove: (id) => deleteRecord(api, id),
    transition: (id, name) => runTransition(api, id, name) as Promise<unknown> as Promise<T>,
    action: (id, name, input) => runAction(api, id, name, input),
  };
}
