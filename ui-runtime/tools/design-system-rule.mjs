// The UX rule of the platform for extensions (docs/ui-extensions.md): standard patterns — tables,
// forms, pickers — come from the design system @prm/ui (DataTable/RecordTable, FieldInput,
// EntityPicker), so every module looks and behaves like one product. An import of another
// implementation is a warning, an error when a declaration whose entry reaches the file is strict.
import { relative } from 'node:path';
import { SHARED_EXPORTS, unsharedNames } from './shared-modules.mjs';

const PACKAGES = [
  { test: /^(@tanstack\/react-table|react-table|ag-grid.*|mantine-datatable|mantine-react-table|@mui\/x-data-grid.*|react-data-grid)$/, pattern: 'tables', use: 'DataTable or RecordTable' },
  { test: /^(react-hook-form|formik|@mantine\/form|react-final-form|@rjsf\/.*)$/, pattern: 'forms', use: 'FieldInput' },
  { test: /^(react-select|react-datepicker|downshift|react-day-picker)$/, pattern: 'pickers', use: 'EntityPicker or FieldInput' },
];
const MANTINE = {
  Table: { pattern: 'tables', use: 'DataTable or RecordTable' },
  Select: { pattern: 'pickers', use: 'EntityPicker or FieldInput' },
  MultiSelect: { pattern: 'pickers', use: 'EntityPicker or FieldInput' },
  Autocomplete: { pattern: 'pickers', use: 'EntityPicker' },
  Combobox: { pattern: 'pickers', use: 'EntityPicker' },
  TagsInput: { pattern: 'pickers', use: 'FieldInput' },
};

/** The static and dynamic imports of a source file: { line, from, names } (type-only imports are skipped). */
export function scanImports(source) {
  const out = [];
  const re = /(^|\n)[ \t]*(?:import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*['"]([^'"\n]+)['"]|import\(\s*['"]([^'"\n]+)['"]\s*\)/g;
  let m;
  while ((m = re.exec(source))) {
    const at = m.index + (m[1] ? m[1].length : 0);
    const line = source.slice(0, at).split('\n').length;
    if (m[5]) {
      out.push({ line, from: m[5], names: [] });
      continue;
    }
    if (m[2]) continue;
    const braces = /\{([\s\S]*)\}/.exec(m[3]);
    const names = braces ? braces[1].split(',').map((s) => s.trim()).filter((s) => s && !s.startsWith('type ')).map((s) => s.split(/\s+as\s+/)[0].trim()) : [];
    out.push({ line, from: m[4], names });
  }
  return out;
}

/** The rule's findings for one import, as messages without location. */
export function findings(imp) {
  const out = [];
  const pkg = PACKAGES.find((p) => p.test.test(imp.from));
  if (pkg) out.push(`imports '${imp.from}' for ${pkg.pattern}: use ${pkg.use} from @prm/ui`);
  if (imp.from === '@mantine/core') {
    for (const name of imp.names) {
      const hit = MANTINE[name];
      if (hit) out.push(`imports ${name} from '@mantine/core' for ${hit.pattern}: use ${hit.use} from @prm/ui`);
    }
  }
  return out;
}

export function designSystemRule(declarations, uiDir) {
  const hits = []; // { id, line, message }
  const refused = []; // members the shell does not share: always errors
  let graph = null;
  const plugin = {
    name: 'prm-design-system-rule',
    enforce: 'pre',
    transform(code, id) {
      if (id.startsWith('\0') || !id.startsWith(uiDir) || id.includes('/node_modules/')) return null;
      for (const imp of scanImports(code)) {
        for (const message of findings(imp)) hits.push({ id, line: imp.line, message });
        const missing = unsharedNames(imp.from, imp.names);
        if (missing.length) {
          refused.push(`${relative(process.cwd(), id)}:${imp.line}: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not shared by the shell's `
            + `'${imp.from}' (shared: ${SHARED_EXPORTS[imp.from].join(', ')})`);
        }
      }
      return null;
    },
    buildEnd() {
      // Which declarations reach each file: walk importers up to the declared entry files.
      const byFile = new Map(declarations.map((d) => [d.file, d]));
      graph = (id) => {
        const seen = new Set([id]);
        const queue = [id];
        const reached = [];
        while (queue.length) {
          const current = queue.shift();
          if (byFile.has(current)) reached.push(byFile.get(current));
          for (const importer of this.getModuleInfo(current)?.importers ?? []) {
            if (!seen.has(importer)) {
              seen.add(importer);
              queue.push(importer);
            }
          }
        }
        return reached;
      };
      for (const hit of hits) hit.strictBy = graph(hit.id).filter((d) => d.strict === true).map((d) => d.name);
    },
  };
  const text = (h) => `${relative(process.cwd(), h.id)}:${h.line}: ${h.message}`
    + (h.strictBy?.length ? ` (strict: ${h.strictBy.join(', ')})` : '');
  return {
    plugin,
    warnings: () => hits.filter((h) => !h.strictBy?.length).map(text),
    problems: () => ({
      warnings: hits.filter((h) => !h.strictBy?.length).map(text),
      errors: [...refused, ...hits.filter((h) => h.strictBy?.length).map(text)],
    }),
  };
}
