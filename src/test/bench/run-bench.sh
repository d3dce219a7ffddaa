#!/usr/bin/env bash
# The scan benchmark of README's "Performance" section: wall time and peak memory (median of N runs,
# warm cache) of fd, find and `gitlab-access repos scan` on the home written by MakeHome.java.
# Usage: src/test/bench/run-bench.sh [/tmp/bench-home] [runs]
# Measures the jar (after: mvn -q -DskipTests package) and, when built, the installed launcher:
# the app-image of `mvn -Pinstaller package` with the CDS archive the packages make on install
# (made here for the app-image's own path, as the postinst does for /opt).
set -euo pipefail
cd "$(dirname "$0")/../../.."
H=${1:-/tmp/bench-home}
N=${2:-5}
JAR=${JAR:-target/gitlab-access.jar}
APP=${APP:-target/installers/gitlab-access-wizard}
[ -d "$H" ] || java src/test/bench/MakeHome.java "$H"
NAMES=(node_modules .venv venv .tox __pycache__ .cache .m2 .gradle .npm .cargo .rustup .pnpm-store target build .next .terraform .Trash)
FD_EX=(); FIND_EX=()
for n in "${NAMES[@]}"; do FD_EX+=(-E "$n"); FIND_EX+=(-o -name "$n"); done
FIND_EX=("${FIND_EX[@]:1}")

FD=(fdfind -HI --prune "${FD_EX[@]}" '^\.git$' "$H")
FIND=(find "$H" \( "${FIND_EX[@]}" \) -prune -o -name .git -print -prune)
SCAN=(env HOME="$H" java -jar "$JAR" repos scan "$H")
SCAN_OPTS=(env HOME="$H" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" repos scan "$H")
labels=("fd -HI --prune" "find -prune" "repos scan (java -jar)" "repos scan (java -jar, C1, SerialGC)")
commands=(FD FIND SCAN SCAN_OPTS)
if [ -x "$APP/lib/gitlab-access" ]; then
  # shellcheck source=../../../installers/linux/integration.sh
  . installers/linux/integration.sh
  chmod u+w "$APP/lib/runtime/lib/server"
  gaw_cds "$(cd "$APP" && pwd)"
  LAUNCHER=(env HOME="$H" "$APP/lib/gitlab-access" repos scan "$H")
  labels+=("repos scan (installed launcher)")
  commands+=(LAUNCHER)
fi

run() { /usr/bin/time -o /tmp/bench-time -f "%e %M" "$@" >/dev/null 2>&1; cat /tmp/bench-time; }
for c in "${commands[@]}"; do declare -n cmd=$c; "${cmd[@]}" >/dev/null 2>&1; done   # warm the cache
# Rounds interleave the tools, so that load from elsewhere on the machine hits all of them alike.
: > /tmp/bench-times
for _ in $(seq "$N"); do
  for i in "${!commands[@]}"; do
    declare -n cmd=${commands[$i]}
    echo "${labels[$i]}|$(run "${cmd[@]}")" >> /tmp/bench-times
  done
done
fd_median=$(grep -F "fd -HI --prune|" /tmp/bench-times | cut -d'|' -f2 | sort -n | awk '{w[NR]=$1} END {print w[int((NR+1)/2)]}')
for label in "${labels[@]}"; do
  grep -F "$label|" /tmp/bench-times | cut -d'|' -f2 | sort -n | awk -v label="$label" -v fd="$fd_median" \
    '{w[NR]=$1; m[NR]=$2} END {mid=int((NR+1)/2); printf "%-38s median wall %5.2f s  (min %5.2f)  %4.2fx fd   max RSS %4d MB   (%d runs)\n",
    label, w[mid], w[1], w[mid]/fd, m[mid]/1024, NR}'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
