// The UI metadata of the signed-in user, available to every page inside the shell.
import { createContext, useContext } from 'react';
import { useParams } from 'react-router-dom';
import type { EntityMeta, UiMetadata } from '../api/types';
import { entityAt } from '../meta/navigation';

export const UiContext = createContext<UiMetadata | null>(null);

export function useUi(): UiMetadata {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('useUi outside the shell');
  return ui;
}

/** The entity the current route addresses (/o/:module/:entity/...), with its qualified name. */
export function useRouteEntity(): { key: string; entity: EntityMeta } | null {
  const ui = useUi();
  const { module, entity } = useParams();
  if (!module || !entity) return null;
  const found = entityAt(ui, module, entity);
  return found ? { key: found[0], entity: found[1] } : null;
}
