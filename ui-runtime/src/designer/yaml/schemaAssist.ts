// Completion and hover for manifest YAML from the manifest's JSON Schema (the one the engine and
// the CLI validate with, imported from metadata/ at build time). Finding "where am I" is done on the
// text (indentation for block structure, brackets for flow maps on one line), so it also works while
// the text does not parse, which is most of the time while typing.
import schemaText from '../../../../metadata/src/main/resources/io/prmos/metadata/prm-manifest.schema.json?raw';

export type Schema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema | boolean>;
  additionalProperties?: Schema | boolean;
  patternProperties?: Record<string, Schema | boolean>;
  items?: Schema | boolean;
  enum?: unknown[];
  const?: unknown;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  then?: Schema;
  else?: Schema;
  $defs?: Record<string, Schema>;
  [key: string]: unknown;
};

export const manifestSchema: Schema = JSON.parse(schemaText);

export interface Location {
  /** keys from the document root to the map the cursor is in ('*' for a list item) */
  path: string[];
  /** typing a key, or a value of `key` */
  at: 'key' | 'value';
  key?: string;
  /** the word being typed */
  prefix: string;
}

interface Frame {
  indent: number;
  key: string;
}

/** Where the cursor is: the path of the map around it, whether a key or a value is being typed. */
export function locate(text: string, offset: number): Location {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  const current = lines.pop() ?? '';
  const stack: Frame[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+#.*$/, '');
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const indent = line.search(/\S/);
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const item = line.slice(indent).match(/^-\s+(?:([\w$.-]+)\s*:\s*(.*))?/);
    if (item) {
      stack.push({ indent, key: '*' });
      if (item[1] && !item[2]) stack.push({ indent: indent + 2, key: item[1] });
      continue;
    }
    const m = line.slice(indent).match(/^("?[\w$.-]+"?)\s*:\s*(.*)$/);
    if (m && (m[2] === '' || m[2].startsWith('&'))) stack.push({ indent, key: m[1].replace(/"/g, '') });
  }
  const indent = current.search(/\S|$/);
  while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
  const path = stack.map((f) => f.key);
  let rest = current.slice(indent);
  if (rest.startsWith('- ')) {
    path.push('*');
    rest = rest.slice(2);
  }
  return inline(path, rest);
}

/** Walks a line's flow collections up to the cursor: `name: { type: text, lab` → path + name, key prefix "lab". */
function inline(path: string[], rest: string): Location {
  const keys: string[] = [];
  const opens: Array<'{' | '['> = [];
  let key: string | undefined;
  let token = '';
  let quote: string | null = null;
  for (const ch of rest) {
    if (quote) {
      if (ch === quote) quote = null;
      token += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      token += ch;
    } else if (ch === ':') {
      key = token.trim();
      token = '';
    } else if (ch === '{' || ch === '[') {
      if (key !== undefined) keys.push(key);
      else keys.push('*');
      opens.push(ch);
      key = undefined;
      token = '';
    } else if (ch === '}' || ch === ']') {
      keys.pop();
      opens.pop();
      key = undefined;
      token = '';
    } else if (ch === ',') {
      key = undefined;
      token = '';
    } else {
      token += ch;
    }
  }
  const full = [...path, ...keys.map((k, i) => (opens[i] === '[' && k !== '*' ? k : k))];
  const flowSeqItem = opens[opens.length - 1] === '[';
  if (flowSeqItem) full.push('*');
  const prefix = token.trimStart();
  if (key !== undefined) return { path: full, at: 'value', key, prefix };
  if (flowSeqItem) return { path: full.slice(0, -1), at: 'value', key: full[full.length - 2], prefix };
  return { path: full, at: 'key', prefix };
}

function resolve(schema: Schema | boolean | undefined, root: Schema = manifestSchema): Schema[] {
  if (!schema || schema === true) return [];
  if (schema.$ref) {
    const name = schema.$ref.replace('#/$defs/', '');
    return resolve(root.$defs?.[name], root);
  }
  const out: Schema[] = [schema];
  for (const group of [schema.oneOf, schema.anyOf, schema.allOf]) group?.forEach((s) => out.push(...resolve(s, root)));
  if (schema.then) out.push(...resolve(schema.then, root));
  return out;
}

/** The schemas that apply at `path` (several when the schema branches with oneOf/anyOf/if-then). */
export function schemasAt(path: string[]): Schema[] {
  let current = resolve(manifestSchema);
  for (const key of path) {
    const next: Schema[] = [];
    for (const s of current) {
      if (key === '*' && s.items) next.push(...resolve(s.items));
      const prop = s.properties?.[key];
      if (prop && prop !== true) next.push(...resolve(prop));
      else if (key !== '*' && s.additionalProperties && s.additionalProperties !== true) next.push(...resolve(s.additionalProperties));
      else if (key !== '*' && s.patternProperties) Object.values(s.patternProperties).forEach((p) => next.push(...resolve(p)));
    }
    current = next;
  }
  return current;
}

export interface Suggestion {
  label: string;
  detail?: string;
  info?: string;
  kind: 'property' | 'value';
}

/** Keys the schema allows at the cursor (minus nothing: the schema is the contract), or values of the key. */
export function suggestions(text: string, offset: number): { from: number; options: Suggestion[] } {
  const loc = locate(text, offset);
  const from = offset - loc.prefix.length;
  if (loc.at === 'key') {
    const seen = new Map<string, Suggestion>();
    for (const s of schemasAt(loc.path)) {
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        if (prop === false || seen.has(name)) continue;
        const p = resolve(prop)[0];
        seen.set(name, { label: name, kind: 'property', detail: typeText(p), info: p?.description });
      }
    }
    return { from, options: [...seen.values()] };
  }
  const values = new Set<string>();
  for (const s of schemasAt([...loc.path, loc.key ?? ''])) {
    s.enum?.forEach((v) => values.add(String(v)));
    if (s.const !== undefined) values.add(String(s.const));
    if (s.type === 'boolean') ['true', 'false'].forEach((v) => values.add(v));
    if (s.items && s.items !== true) resolve(s.items).forEach((i) => i.enum?.forEach((v) => values.add(String(v))));
  }
  return { from, options: [...values].map((label) => ({ label, kind: 'value' })) };
}

function typeText(s: Schema | undefined): string | undefined {
  if (!s) return undefined;
  if (s.enum) return s.enum.map(String).join(' | ');
  if (Array.isArray(s.type)) return s.type.join(' | ');
  return s.type ?? (s.oneOf || s.anyOf ? 'one of several forms' : undefined);
}

/** What the key under the cursor means: its type and description from the schema. */
export function hover(text: string, offset: number): { from: number; to: number; text: string } | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let from = offset;
  let to = offset;
  while (from > lineStart && /[\w$]/.test(text[from - 1])) from--;
  while (to < text.length && /[\w$]/.test(text[to])) to++;
  if (from === to || text[to] !== ':') return null;
  const word = text.slice(from, to);
  const loc = locate(text, from);
  for (const s of schemasAt(loc.path)) {
    const prop = s.properties?.[word];
    if (prop && prop !== true) {
      const p = resolve(prop)[0];
      const lines = [`${word}: ${typeText(p) ?? 'value'}`];
      if (p?.description) lines.push(p.description);
      return { from, to, text: lines.join('\n') };
    }
  }
  return null;
}
