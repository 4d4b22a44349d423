#!/usr/bin/env node
// Builds a module's UI extensions (docs/ui-extensions.md, ADR 0151): the pages and widgets its
// manifest declares under ui.pages / ui.widgets, from the module's ui/ folder, into one ES module
// `ui/dist/extension.js` exporting { pages: { name: Component }, widgets: { name: Component } }.
//
// React, react-dom, react-router-dom, @tanstack/react-query, @mantine/* and @prm/ui are never
// bundled: each import of them becomes a read of the registry the shell provides at run time
// (globalThis.__PRM_SHARED__), so the extension shares the shell's single copy (one React, one
// query cache, one theme). Other packages resolve from ui-runtime's node_modules and are bundled.
//
// The design-system rule: importing a table, form or picker implementation from outside @prm/ui
// (react-hook-form, @tanstack/react-table, Mantine's Table/Select/…) is a warning, an error when a
// declaration whose entry reaches the file says `strict: true`.
//
// usage: node build-extensions.mjs MODULE_DIR [--out FILE] [--json]
// exit: 0 built (maybe with warnings), 1 the module's UI is wrong (one line per problem), 2 this tool failed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { build } from 'vite';
import { SHARED_MODULES, sharedModules } from './shared-modules.mjs';
import { designSystemRule, scanImports } from './design-system-rule.mjs';

const RUNTIME = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildExtensions(moduleDir, { out } = {}) {
  const manifestFile = ['module.yaml', 'module.yml', 'module.json'].map((f) => join(moduleDir, f)).find(existsSync);
  if (!manifestFile) return fail(`${moduleDir}: no module.yaml`);
  const manifest = parseYaml(readFileSync(manifestFile, 'utf8')) ?? {};
  const uiDir = resolve(moduleDir, 'ui');
  const declarations = [
    ...(manifest.ui?.pages ?? []).map((d) => ({ ...d, kind: 'page' })),
    ...(manifest.ui?.widgets ?? []).map((d) => ({ ...d, kind: 'widget' })),
  ];
  if (declarations.length === 0) return { ok: true, built: false, warnings: [], errors: [] };
  const errors = [];
  for (const d of declarations) {
    const file = resolve(uiDir, String(d.entry ?? ''));
    if (!d.entry || !file.startsWith(uiDir + sep) || !existsSync(file)) {
      errors.push(`${rel(manifestFile)}: ${d.kind} '${d.name}': entry file 'ui/${d.entry}' does not exist`);
    }
    d.file = file;
  }
  if (errors.length) return { ok: false, built: false, warnings: [], errors };

  const entryId = '\0prm-extension-entry';
  const entryCode = [
    ...declarations.map((d, i) => `import E${i} from ${JSON.stringify(d.file)};`),
    `export const pages = { ${declarations.map((d, i) => (d.kind === 'page' ? `${JSON.stringify(d.name)}: E${i}` : null)).filter(Boolean).join(', ')} };`,
    `export const widgets = { ${declarations.map((d, i) => (d.kind === 'widget' ? `${JSON.stringify(d.name)}: E${i}` : null)).filter(Boolean).join(', ')} };`,
  ].join('\n');
  const rule = designSystemRule(declarations, uiDir);
  let output;
  try {
    const result = await build({
      configFile: false,
      root: uiDir,
      logLevel: 'silent',
      mode: 'production',
      define: { 'process.env.NODE_ENV': '"production"' },
      esbuild: { jsx: 'automatic' },
      plugins: [
        {
          name: 'prm-extension-entry',
          resolveId: (id) => (id === entryId ? id : null),
          load: (id) => (id === entryId ? entryCode : null),
        },
        sharedModules(RUNTIME),
        rule.plugin,
      ],
      build: {
        write: false,
        minify: true,
        target: 'es2022',
        sourcemap: false,
        cssCodeSplit: false,
        rollupOptions: {
          input: entryId,
          preserveEntrySignatures: 'strict',
          output: { format: 'es', inlineDynamicImports: true, entryFileNames: 'extension.js' },
          onwarn: () => {},
        },
      },
    });
    output = (Array.isArray(result) ? result[0] : result).output;
  } catch (e) {
    return { ok: false, built: false, warnings: rule.warnings(), errors: [oneLine(e)] };
  }
  const chunk = output.find((o) => o.type === 'chunk' && o.isEntry);
  const problems = rule.problems();
  if (problems.errors.length) return { ok: false, built: false, ...problems };
  const target = out ?? join(uiDir, 'dist', 'extension.js');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, chunk.code);
  const hash = createHash('sha256').update(chunk.code).digest('hex').slice(0, 32);
  return { ok: true, built: true, file: target, hash, bytes: Buffer.byteLength(chunk.code), ...problems };
}

function rel(file) {
  return relative(process.cwd(), file) || file;
}

/** A Vite/Rollup error as `file:line:col: message`, on one line. */
function oneLine(e) {
  const where = e.loc?.file ? `${rel(e.loc.file)}:${e.loc.line}:${e.loc.column}: ` : e.id ? `${rel(e.id)}: ` : '';
  const message = String(e.message ?? e).split('\n')[0].replace(/^\[[^\]]+\]\s*/, '').replace(/^[^:]*\/[^:]*:\d+:\d+:\s*/, '');
  return `${where}${message}`;
}

function fail(message) {
  return { ok: false, built: false, warnings: [], errors: [message] };
}

export { SHARED_MODULES, scanImports };

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : undefined;
  const dir = args.find((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
  if (!dir) {
    console.error('usage: build-extensions.mjs MODULE_DIR [--out FILE] [--json]');
    process.exit(2);
  }
  try {
    const result = await buildExtensions(resolve(dir), { out });
    if (json) {
      process.stdout.write(JSON.stringify(result) + '\n');
    } else {
      result.warnings.forEach((w) => console.error(`warning: ${w}`));
      result.errors.forEach((e) => console.error(`error: ${e}`));
      if (result.built) console.log(`built ${rel(result.file)} (${result.bytes} bytes, ${result.hash})`);
    }
    process.exit(result.ok ? 0 : 1);
  } catch (e) {
    console.error(`error: the UI build failed: ${oneLine(e)}`);
    process.exit(2);
  }
}
