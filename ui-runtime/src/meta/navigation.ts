import type { EntityMeta, NavSection, UiMetadata } from '@prm/ui';
// The shell's navigation, ordered, and finding the entity a route addresses.

const byOrder = <T extends { order?: number; label: string }>(a: T, b: T) =>
  (a.order ?? 1000) - (b.order ?? 1000) || a.label.localeCompare(b.label);

export function orderedNavigation(nav: NavSection[]): NavSection[] {
  return [...nav]
    .filter((s) => s.items.length > 0)
    .sort(byOrder)
    .map((s) => ({ ...s, items: [...s.items].sort(byOrder) }));
}

/** The entity whose route is /o/{module}/{entity}. */
export function entityAt(meta: UiMetadata, module: string, entity: string): [string, EntityMeta] | null {
  const route = `/o/${module}/${entity}`;
  for (const [key, e] of Object.entries(meta.entities)) {
    if (e.route === route) return [key, e];
  }
  const qualified = Object.entries(meta.entities).find(
    ([, e]) => e.module === module && e.name.toLowerCase() === entity.toLowerCase(),
  );
  return qualified ?? null;
}

export function recordRoute(entity: EntityMeta, id: string): string {
  return `${entity.route}/${id}`;
}
