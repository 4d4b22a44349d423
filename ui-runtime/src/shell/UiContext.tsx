// The UI metadata of the signed-in user, available to every page inside the shell. The context
// itself belongs to the design system (module pages read it too); the route lookup is the shell's.
import { useParams } from 'react-router-dom';
import { useUi, type EntityMeta } from '@prm/ui';
import { entityAt } from '../meta/navigation';

export { UiContext, useUi } from '@prm/ui';

/** The entity the current route addresses (/o/:module/:entity/...), with its qualified name. */
export function useRouteEntity(): { key: string; entity: EntityMeta } | null {
  const ui = useUi();
  const { module, entity } = useParams();
  if (!module || !entity) return null;
  const found = entityAt(ui, module, entity);
  return found ? { key: found[0], entity: found[1] } : null;
}
