// The signed-in caller and the UI metadata (GET /api/v1/ui/metadata, already filtered by the caller's
// permissions), provided by the shell to every page and extension it renders.
import { createContext, useContext } from 'react';
import type { EntityMeta, UiMetadata, UiUser } from '../api/types';

export const UiContext = createContext<UiMetadata | null>(null);

export function useUi(): UiMetadata {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('useUi outside the shell (no UiContext provider)');
  return ui;
}

/** Who is signed in: username, tenant and roles. */
export function useCaller(): UiUser {
  return useUi().user;
}

/** Whether the caller holds at least one of the roles (an empty list allows everyone). */
export function hasAnyRole(caller: UiUser, roles: readonly string[]): boolean {
  return roles.length === 0 || roles.some((r) => caller.roles.includes(r));
}

/** An entity by qualified name (deals.Deal), or null when it does not exist or the caller may not read it. */
export function useEntityMeta(qualified: string): EntityMeta | null {
  return useUi().entities[qualified] ?? null;
}
