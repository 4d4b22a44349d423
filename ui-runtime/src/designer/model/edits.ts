// Edits of a manifest document by path, keeping everything else of the document as it is:
// key order, comments, styles. Each returns nothing and mutates the document; callers go through
// editManifest(text, doc => ...) so every edit is text in, text out.
import { Document, isMap, isScalar, isSeq, Pair, Scalar, type Node, YAMLMap, YAMLSeq } from 'yaml';
import { flowNode } from '../yaml/roundTrip';

export type Path = Array<string | number>;

/** The collection at `path`, or undefined. */
export function nodeAt(doc: Document, path: Path): Node | undefined {
  if (path.length === 0) return doc.contents as Node;
  return doc.getIn(path, true) as Node | undefined;
}

function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Sets a value; an empty value (undefined, null, '', []) removes the key instead, so the manifest
 * never carries empty options. Collections are written in flow style (one line) when new.
 */
export function setValue(doc: Document, path: Path, value: unknown): void {
  if (isEmptyValue(value)) {
    if (doc.hasIn(path)) doc.deleteIn(path);
    pruneEmptyParents(doc, path.slice(0, -1));
    return;
  }
  const current = doc.getIn(path, true);
  if (isScalar(current) && typeof value !== 'object') {
    current.value = value;
    return;
  }
  ensureMap(doc, path.slice(0, -1));
  doc.setIn(path, typeof value === 'object' ? flowNode(doc, value) : value);
}

/** Creates missing maps along `path` in block style (the way manifests nest sections). */
export function ensureMap(doc: Document, path: Path): void {
  for (let i = 1; i <= path.length; i++) {
    const sub = path.slice(0, i);
    const node = doc.getIn(sub, true);
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
      doc.setIn(sub, new YAMLMap());
    }
  }
}

/** Removes maps and lists left empty by a removal (an empty `fields: {}` would read as a change). */
function pruneEmptyParents(doc: Document, path: Path): void {
  for (let p = path; p.length > 0; p = p.slice(0, -1)) {
    const node = doc.getIn(p, true);
    if ((isMap(node) || isSeq(node)) && node.items.length === 0) doc.deleteIn(p);
    else return;
  }
}

export function removeKey(doc: Document, path: Path): void {
  setValue(doc, path, undefined);
}

/** Renames a key in place: same position, same comments, same value node. */
export function renameKey(doc: Document, mapPath: Path, from: string, to: string): void {
  const map = nodeAt(doc, mapPath);
  if (!isMap(map)) return;
  const pair = map.items.find((p) => keyOf(p) === from);
  if (!pair) return;
  if (isScalar(pair.key)) pair.key.value = to;
  else pair.key = new Scalar(to);
}

/** Moves a key of a map to a new position (0-based among the map's keys). */
export function moveKey(doc: Document, mapPath: Path, key: string, toIndex: number): void {
  const map = nodeAt(doc, mapPath);
  if (!isMap(map)) return;
  const from = map.items.findIndex((p) => keyOf(p) === key);
  if (from < 0) return;
  const [pair] = map.items.splice(from, 1);
  map.items.splice(Math.max(0, Math.min(toIndex, map.items.length)), 0, pair);
}

/** Adds a key at the end of a map (creating the map), its value on one line when it is a collection. */
export function addKey(doc: Document, mapPath: Path, key: string, value: unknown): void {
  ensureMap(doc, mapPath);
  const map = nodeAt(doc, mapPath) as YAMLMap;
  map.items.push(new Pair(new Scalar(key), typeof value === 'object' && value !== null ? flowNode(doc, value) : value));
}

export function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** Appends an item to a list (creating it in block style), the item on one line when it is a collection. */
export function appendItem(doc: Document, seqPath: Path, value: unknown): void {
  let seq = nodeAt(doc, seqPath);
  if (!isSeq(seq)) {
    ensureMap(doc, seqPath.slice(0, -1));
    doc.setIn(seqPath, new YAMLSeq());
    seq = nodeAt(doc, seqPath);
  }
  (seq as YAMLSeq).items.push(typeof value === 'object' && value !== null ? flowNode(doc, value) : doc.createNode(value));
}

export function removeItem(doc: Document, seqPath: Path, index: number): void {
  const seq = nodeAt(doc, seqPath);
  if (!isSeq(seq)) return;
  seq.items.splice(index, 1);
  if (seq.items.length === 0) {
    doc.deleteIn(seqPath);
    pruneEmptyParents(doc, seqPath.slice(0, -1));
  }
}

export function moveItem(doc: Document, seqPath: Path, from: number, to: number): void {
  const seq = nodeAt(doc, seqPath);
  if (!isSeq(seq) || from < 0 || from >= seq.items.length) return;
  const [item] = seq.items.splice(from, 1);
  seq.items.splice(Math.max(0, Math.min(to, seq.items.length)), 0, item);
}

/** Replaces a whole list by `values`, keeping its style (flow stays flow). */
export function setList(doc: Document, path: Path, values: unknown[]): void {
  const seq = nodeAt(doc, path);
  if (values.length === 0) {
    removeKey(doc, path);
    return;
  }
  if (isSeq(seq)) {
    seq.items = values.map((v) => (typeof v === 'object' && v !== null ? flowNode(doc, v) : doc.createNode(v))) as typeof seq.items;
    return;
  }
  setValue(doc, path, values);
}
