#!/usr/bin/env bash
# The frames that a collapsed-stacks profile (costs.sh PROFILE=async) spends its samples in:
# self time per frame, then total time per application frame (io.prmos).
#
#   tools/bench/collapsed-top.sh FILE [N]
set -euo pipefail
FILE=${1:?usage: collapsed-top.sh FILE [N]}
N=${2:-30}
awk -v n="$N" '
  { count = $NF; $NF = ""; sub(/ $/, ""); total += count
    k = split($0, frames, ";"); self[frames[k]] += count
    delete seen
    for (i = 1; i <= k; i++) if (frames[i] ~ /^io\/prmos|^io\.prmos/ && !(frames[i] in seen)) { seen[frames[i]] = 1; incl[frames[i]] += count } }
  END {
    printf "%d samples\nself:\n", total
    for (f in self) printf "%8d %5.1f%%  %s\n", self[f], 100 * self[f] / total, f | "sort -rn | head -n " n
    close("sort -rn | head -n " n)
    print "application frames, total:"
    for (f in incl) printf "%8d %5.1f%%  %s\n", incl[f], 100 * incl[f] / total, f | "sort -rn | head -n " n
  }' "$FILE"
