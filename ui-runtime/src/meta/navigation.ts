import type { EntityMeta, ExtensionMeta, NavSection, UiMetadata } from '@prm/ui';
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

/**
 * The navigation with the pages modules ship (UI extensions) added to their module's section, after
 * its entities; a section only extension pages use is created. Items keep a unique `entity` key.
 */
export function withExtensionPages(nav: NavSection[], extensions: ExtensionMeta[] = []): NavSection[] {
  const sections = nav.map((s) => ({ ...s, items: [...s.items] }));
  for (const extension of extensions) {
    for (const page of extension.pages) {
      let section = sections.find((s) => s.section === page.section);
      if (!section) {
        section = { section: page.section, label: page.section.charAt(0).toUpperCase() + page.section.slice(1).replace(/_/g, ' '), items: [] };
        sections.push(section);
      }
      const last = section.items.reduce((max, i) => Math.max(max, i.order ?? 0), 0);
      section.items.push({ entity: `page:${extension.module}.${page.name}`, label: page.title, icon: page.icon, order: last, route: page.route });
    }
  }
  return sections;
}
