// The modules an extension shares with the shell instead of bundling them (ADR 0151). Each import
// of one becomes a small shim reading the shell's registry, `globalThis.__PRM_SHARED__[specifier]`;
// named imports are properties of the registry entry (Rollup's syntheticNamedExports), so the
// bundle never contains React, Mantine or the design system again. The shell fills the registry
// (src/extensions/sharedRegistry.ts) before it imports the first bundle.
//
// React and the design system are shared whole. Of Mantine, React Query and the router the shell
// shares the members listed here (ADR 0151): sharing a whole package would force every component of
// it into the runtime's own chunks — the budget allows the design system, not all of Mantine. An
// import of another member is refused at build time, with the list. A test keeps the shell's
// registry and this list equal (src/extensions/sharedRegistry.test.ts).
import { join } from 'node:path';

export const SHARED_EXPORTS = {
  react: '*',
  'react/jsx-runtime': '*',
  'react-dom': ['createPortal', 'flushSync'],
  '@prm/ui': '*',
  '@mantine/core': [
    'ActionIcon', 'Alert', 'Anchor', 'Avatar', 'Badge', 'Box', 'Breadcrumbs', 'Button', 'Card', 'Center', 'Checkbox', 'CloseButton',
    'Code', 'Combobox', 'Divider', 'Drawer', 'Grid', 'Group', 'Kbd', 'Loader', 'Menu', 'Modal', 'MultiSelect', 'Paper', 'Pill',
    'Popover', 'ScrollArea', 'SegmentedControl', 'Select', 'SimpleGrid', 'Skeleton', 'Stack', 'Switch', 'Table', 'Tabs', 'TagsInput',
    'Text', 'TextInput', 'Textarea', 'Timeline', 'Title', 'Tooltip', 'UnstyledButton', 'VisuallyHidden',
  ],
  '@mantine/hooks': ['useDebouncedValue', 'useDisclosure', 'useMediaQuery'],
  '@mantine/notifications': ['notifications'],
  '@mantine/modals': ['modals'],
  '@tanstack/react-query': ['useQuery', 'useQueries', 'useMutation', 'useQueryClient', 'keepPreviousData'],
  'react-router-dom': ['Link', 'useNavigate', 'useParams', 'useSearchParams', 'useLocation'],
};

export const SHARED_MODULES = Object.keys(SHARED_EXPORTS);

/** The named imports of `specifier` the shell does not share, for a build error. */
export function unsharedNames(specifier, names) {
  const shared = SHARED_EXPORTS[specifier];
  return !shared || shared === '*' ? [] : names.filter((n) => n !== 'default' && !shared.includes(n));
}

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
