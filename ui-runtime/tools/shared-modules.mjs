// The modules an extension shares with the shell instead of bundling them (ADR 0151). Each import
// of one becomes a small shim reading the shell's registry, `globalThis.__PRM_SHARED__[specifier]`;
// named imports are properties of the registry entry (Rollup's syntheticNamedExports), so the
// bundle never contains React, Mantine or the design system again. The shell fills the registry
// (src/extensions/shared.ts) before it imports the first bundle.
import { join } from 'node:path';

export const SHARED_MODULES = [
  'react', 'react/jsx-runtime', 'react-dom', 'react-dom/client', 'react-router-dom', '@tanstack/react-query',
  '@mantine/core', '@mantine/hooks', '@mantine/dates', '@mantine/notifications', '@mantine/modals', '@prm/ui',
];

const PREFIX = '\0prm-shared:';

export function shimCode(specifier) {
  const name = JSON.stringify(specifier);
  return [
    `const registry = globalThis.__PRM_SHARED__;`,
    `if (!registry || !registry[${name}]) throw new Error("the PRM shell does not share " + ${name});`,
    `export const __moduleExports = registry[${name}];`,
    `export default __moduleExports.default ?? __moduleExports;`,
  ].join('\n');
}

export function sharedModules(runtimeDir) {
  return {
    name: 'prm-shared-modules',
    enforce: 'pre',
    async resolveId(id, importer) {
      if (SHARED_MODULES.includes(id)) return PREFIX + id;
      if (id.startsWith('@prm/ui/') || id.startsWith('@mantine/')) {
        this.error(`'${id}' is not available to extensions: import from ${SHARED_MODULES.filter((m) => id.startsWith(m.split('/')[0])).join(', ')}`);
      }
      const bare = !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:/.test(id);
      if (bare && importer && !importer.startsWith(runtimeDir)) {
        // Other packages come from the runtime's node_modules (the module folder has none) and are bundled.
        const found = await this.resolve(id, join(runtimeDir, 'index.html'), { skipSelf: true });
        if (!found) this.error(`cannot resolve '${id}': only the shared modules (${SHARED_MODULES.join(', ')}) and packages installed in ui-runtime are available`);
        return found;
      }
      return null;
    },
    load(id) {
      return id.startsWith(PREFIX) ? { code: shimCode(id.slice(PREFIX.length)), syntheticNamedExports: '__moduleExports' } : null;
    },
  };
}
