#!/usr/bin/env bash
# The scan benchmark of README's "Performance" section: wall time and peak memory (median of N runs)
# of fd, find and `gitlab-access repos scan` on a home written by MakeHome.java, warm cache and then,
# where the page cache may be dropped (root), cold cache.
# Usage: src/test/bench/run-bench.sh [HOME_DIR] [runs] [walked|pruned]
#   walked: the home where most directories are walked (the default, /tmp/bench-home);
#   pruned: the home dominated by pruned dependency trees (/tmp/bench-pruned when HOME_DIR is not given).
# Measures the jar (after: mvn -q -DskipTests package), the jar with a CDS archive made from the scan's
# class list as the packages make theirs (-Xshare:dump on install), and, when built, the installed
# launcher: the app-image of `mvn -Pinstaller package` with its CDS archive made for the app-image's path.
# COLD_RUNS=0 skips the cold rounds (each drops the page cache of the whole machine).
set -euo pipefail
cd "$(dirname "$0")/../../.."
MODE=${3:-walked}
H=${1:-$([ "$MODE" = pruned ] && echo /tmp/bench-pruned || echo /tmp/bench-home)}
N=${2:-5}
COLD_RUNS=${COLD_RUNS:-$N}
JAR=${JAR:-target/gitlab-access.jar}
APP=${APP:-target/installers/gitlab-access-wizard}
[ -d "$H" ] || java src/test/bench/MakeHome.java "$H" "$MODE"
NAMES=(node_modules .venv venv .tox __pycache__ .cache .m2 .gradle .npm .cargo .rustup .pnpm-store target build .next .terraform .Trash)
FD_EX=(); FIND_EX=()
for n in "${NAMES[@]}"; do FD_EX+=(-E "$n"); FIND_EX+=(-o -name "$n"); done
FIND_EX=("${FIND_EX[@]:1}")

# The jar's own CDS archive, as the packages make it: the classes a scan loads, dumped once.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
env HOME="$H" java -XX:DumpLoadedClassList="$WORK/scan.lst" -cp "$JAR" org.gitlabaccess.Main repos scan "$H" >/dev/null
java -Xshare:dump -XX:SharedClassListFile="$WORK/scan.lst" -XX:SharedArchiveFile="$WORK/scan.jsa" -cp "$JAR" \
  -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null 2>&1

FD=(fdfind -HI --prune "${FD_EX[@]}" '^\.git$' "$H")
FIND=(find -H "$H" \( "${FIND_EX[@]}" \) -prune -o -name .git -print -prune)
SCAN=(env HOME="$H" java -jar "$JAR" repos scan "$H")
SCAN_OPTS=(env HOME="$H" java "${OPTS[@]}" -jar "$JAR" repos scan "$H")
SCAN_CDS=(env HOME="$H" java "${OPTS[@]}" -XX:SharedArchiveFile="$WORK/scan.jsa" -cp "$JAR" org.gitlabaccess.Main
  repos scan "$H")
labels=("fd -HI --prune" "find -prune" "repos scan (java -jar)" "repos scan (java -jar, C1, SerialGC)"
  "repos scan (jar, C1, SerialGC, CDS)")
commands=(FD FIND SCAN SCAN_OPTS SCAN_CDS)
cold=(FD SCAN_CDS)
if [ -x "$APP/lib/gitlab-access" ]; then
  # shellcheck source=../../../installers/linux/integration.sh
  . installers/linux/integration.sh
  chmod u+w "$APP/lib/runtime/lib/server"
  gaw_cds "$(cd "$APP" && pwd)"
  LAUNCHER=(env HOME="$H" "$APP/lib/gitlab-access" repos scan "$H")
  labels+=("repos scan (installed launcher)")
  commands+=(LAUNCHER)
  cold+=(LAUNCHER)
fi

run() { /usr/bin/time -o "$WORK/time" -f "%e %M" "$@" >/dev/null 2>&1; cat "$WORK/time"; }
label_of() { for i in "${!commands[@]}"; do [ "${commands[$i]}" = "$1" ] && echo "${labels[$i]}"; done; }
# Median wall, min, ratio to fd's median and peak memory per label, from "label|wall rss" lines.
report() {
  local fd_median
  fd_median=$(grep -F "fd -HI --prune|" "$1" | cut -d'|' -f2 | sort -n | awk '{w[NR]=$1} END {print w[int((NR+1)/2)]}')
  for label in "${labels[@]}"; do
    grep -qF "$label|" "$1" || continue
    grep -F "$label|" "$1" | cut -d'|' -f2 | sort -n | awk -v label="$label" -v fd="$fd_median" \
      '{w[NR]=$1; m[NR]=$2} END {mid=int((NR+1)/2); printf "%-38s median wall %5.2f s  (min %5.2f)  %4.2fx fd   max RSS %4d MB   (%d runs)\n",
      label, w[mid], w[1], w[mid]/fd, m[mid]/1024, NR}'
  done
}

echo "== $H ($MODE), warm cache"
for c in "${commands[@]}"; do declare -n cmd=$c; "${cmd[@]}" >/dev/null 2>&1; done   # warm the cache
# Rounds interleave the tools, so that load from elsewhere on the machine hits all of them alike.
: > "$WORK/warm"
for _ in $(seq "$N"); do
  for i in "${!commands[@]}"; do
    declare -n cmd=${commands[$i]}
    echo "${labels[$i]}|$(run "${cmd[@]}")" >> "$WORK/warm"
  done
done
report "$WORK/warm"

if [ "$COLD_RUNS" -gt 0 ]; then
  echo "== $H ($MODE), cold cache (page cache dropped before each run)"
  if sync && { echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then
    : > "$WORK/cold"
    for _ in $(seq "$COLD_RUNS"); do
      for c in "${cold[@]}"; do
        declare -n cmd=$c
        sync; echo 3 > /proc/sys/vm/drop_caches
        echo "$(label_of "$c")|$(run "${cmd[@]}")" >> "$WORK/cold"
      done
    done
    report "$WORK/cold"
  else
    echo "not measured: the page cache cannot be dropped here (needs root and a writable /proc/sys/vm/drop_caches)"
  fi
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
