// Line diffs and a three-way merge of line lists, for the YAML round trip (ADR 0100).
// Manifests are a few hundred lines, so a plain O(n·m) longest common subsequence is fast enough
// and, unlike greedy heuristics, never pairs the wrong repeated lines ("    fields:") when a
// better alignment exists.

/** Pairs [i, j] of equal lines a[i] === b[j] forming a longest common subsequence, in order. */
export function commonLines(a: string[], b: string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  // suffix lengths: len[i][j] = LCS of a[i..] and b[j..], stored row by row
  const len: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = len[i];
    const next = len[i + 1];
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? next[j + 1] + 1 : Math.max(next[j], row[j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (len[i + 1][j] >= len[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

/** How many lines a change removes and adds (a unified diff's - and + lines). */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const pairs = commonLines(a, b);
  const keptA = new Set(pairs.map((p) => p[0]));
  const keptB = new Set(pairs.map((p) => p[1]));
  return { removed: a.filter((_, i) => !keptA.has(i)), added: b.filter((_, j) => !keptB.has(j)) };
}

function equal(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/**
 * Three-way merge (diff3) of line lists: `ours` and `theirs` both derive from `base`. Regions only
 * one side changed take that side; regions both changed take `theirs`. The round trip calls it with
 * base = the original text as the YAML library prints it, ours = the original text as written, and
 * theirs = the edited document as the library prints it: the author's formatting survives wherever
 * the edit did not reach, and the edit wins where it did.
 */
export function merge3(base: string[], ours: string[], theirs: string[]): string[] {
  const toOurs = new Map(commonLines(base, ours));
  const toTheirs = new Map(commonLines(base, theirs));
  const out: string[] = [];
  let b = 0;
  let o = 0;
  let t = 0;
  const flush = (bEnd: number, oEnd: number, tEnd: number) => {
    const baseChunk = base.slice(b, bEnd);
    const ourChunk = ours.slice(o, oEnd);
    const theirChunk = theirs.slice(t, tEnd);
    if (equal(theirChunk, baseChunk)) out.push(...ourChunk);
    else out.push(...theirChunk);
  };
  for (let k = 0; k < base.length; k++) {
    const ok = toOurs.get(k);
    const tk = toTheirs.get(k);
    if (ok === undefined || tk === undefined || ok < o || tk < t) continue;
    // base line k is stable in all three: settle the region before it, then keep it
    flush(k, ok, tk);
    out.push(ours[ok]);
    b = k + 1;
    o = ok + 1;
    t = tk + 1;
  }
  flush(base.length, ours.length, theirs.length);
  return out;
}
