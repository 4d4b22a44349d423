// The YAML round trip of the metadata designer (ADR 0100). A manifest is edited as a `yaml`
// Document (comments, key order and scalar styles are part of it), printed by the library, and the
// printed edit is merged line by line into the author's original text: unchanged text comes back
// byte for byte, and a change touches only the lines it concerns.
import { Document, isMap, isSeq, parseDocument, visit, YAMLMap, YAMLSeq, type ToStringOptions } from 'yaml';
import { merge3 } from './lines';

const PRINT: ToStringOptions = { lineWidth: 0, indentSeq: true };

/** Parses manifest text; the document keeps its errors (`doc.errors`) instead of throwing. */
export function parseManifest(text: string): Document {
  return parseDocument(text, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: true });
}

/**
 * Prints a document the way its source wrote flow collections: `{ a: 1 }` or `{a: 1}`, `[a, b]` or
 * `[ a, b ]`, decided per collection from the text it was parsed from; new collections take the
 * style most collections of their kind use in that text.
 */
function print(doc: Document, source: string): string {
  const styles = flowStyles(source);
  visit(doc, {
    Collection(_, node) {
      if (!node.flow) return;
      const open = node.range ? source[node.range[0]] : undefined;
      const parsed = open === '{' || open === '[';
      const padded = parsed ? /\s/.test(source[node.range![0] + 1] ?? '') : isMap(node) ? styles.mapPadded : styles.seqPadded;
      const proto = isMap(node) ? YAMLMap.prototype : YAMLSeq.prototype;
      (node as unknown as { toString: unknown }).toString = (ctx: Record<string, unknown>, onComment?: unknown, onChompKeep?: unknown) =>
        (proto.toString as (...args: unknown[]) => string).call(node, { ...ctx, flowCollectionPadding: padded ? ' ' : '' }, onComment, onChompKeep);
    },
  });
  return doc.toString(PRINT);
}

/** Which padding most flow maps and flow sequences of the text use (samples: `{ a: 1 }` and `[a, b]`). */
function flowStyles(source: string): { mapPadded: boolean; seqPadded: boolean } {
  const count = (re: RegExp) => (source.match(re) ?? []).length;
  return {
    mapPadded: count(/\{ \S/g) >= count(/\{[^\s}]/g),
    seqPadded: count(/\[ \S/g) > count(/\[[^\s\]]/g),
  };
}

/** The text of `edited`, a changed copy of the document parsed from `original`, written into `original`. */
export function writeBack(original: string, edited: Document): string {
  const base = print(parseManifest(original), original);
  const next = print(edited, original);
  if (base === next) return original;
  return merge3(base.split('\n'), original.split('\n'), next.split('\n')).join('\n');
}

/**
 * Applies an edit to manifest text: parse, let `change` mutate the document, write back. Text that
 * does not parse is returned unchanged (the visual editor is read-only until the YAML is fixed).
 */
export function editManifest(text: string, change: (doc: Document) => void): string {
  const doc = parseManifest(text);
  if (doc.errors.length > 0) return text;
  change(doc);
  return writeBack(text, doc);
}

/** A collection node for a new value: small maps and lists go on one line, as the sample modules write them. */
export function flowNode(doc: Document, value: unknown) {
  const node = doc.createNode(value);
  if (isMap(node) || isSeq(node)) node.flow = true;
  return node;
}
