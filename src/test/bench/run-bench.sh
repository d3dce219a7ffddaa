#!/usr/bin/env bash
# The scan benchmark of README's "Performance" section: wall time and peak memory (median of N runs,
# warm cache) of fd, find and `gitlab-access repos scan` on the home written by MakeHome.java.
# Usage: src/test/bench/run-bench.sh [/tmp/bench-home] [runs]   (after: mvn -q -DskipTests package)
set -euo pipefail
H=${1:-/tmp/bench-home}
N=${2:-5}
JAR=${JAR:-target/gitlab-access.jar}
[ -d "$H" ] || java src/test/bench/MakeHome.java "$H"
NAMES=(node_modules .venv venv .tox __pycache__ .cache .m2 .gradle .npm .cargo .rustup .pnpm-store target build .next .terraform .Trash)
FD_EX=(); FIND_EX=()
for n in "${NAMES[@]}"; do FD_EX+=(-E "$n"); FIND_EX+=(-o -name "$n"); done
FIND_EX=("${FIND_EX[@]:1}")

# Rounds interleave the tools, so that load from elsewhere on the machine hits all of them alike.
run() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
FD=(fdfind -HI --prune "${FD_EX[@]}" '^\.git$' "$H")
FIND=(find "$H" \( "${FIND_EX[@]}" \) -prune -o -name .git -print -prune)
SCAN=(env HOME="$H" java -jar "$JAR" repos scan "$H")
SCAN_OPTS=(env HOME="$H" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" repos scan "$H")
"${FD[@]}" > /dev/null; "${FIND[@]}" > /dev/null; "${SCAN[@]}" > /dev/null   # warm the cache
: > /tmp/bench-times
for _ in $(seq "$N"); do
  echo "fd -HI --prune|$(run "${FD[@]}")" >> /tmp/bench-times
  echo "find -prune|$(run "${FIND[@]}")" >> /tmp/bench-times
  echo "repos scan (java -jar)|$(run "${SCAN[@]}")" >> /tmp/bench-times
  echo "repos scan (C1, SerialGC)|$(run "${SCAN_OPTS[@]}")" >> /tmp/bench-times
done
for label in "fd -HI --prune" "find -prune" "repos scan (java -jar)" "repos scan (C1, SerialGC)"; do
  grep -F "$label|" /tmp/bench-times | cut -d'|' -f2 | sort -n | awk -v label="$label" '{w[NR]=$1; m[NR]=$2}
    END {mid=int((NR+1)/2); printf "%-28s median wall %5.2f s  (min %5.2f)   max RSS %4d MB   (%d runs)\n",
    label, w[mid], w[1], m[mid]/1024, NR}'
done
