#!/usr/bin/env bash
# Cold start of the installed wizard to its first frame, under a virtual display.
#   installers/linux/bench-startup.sh [LAUNCHER] [RUNS]
# LAUNCHER defaults to the installed /opt/gitlab-access-wizard/lib/gitlab-access (the
# menu entry's command); RUNS to 7. Each run is a new process with a fresh HOME; the time is
# from just before exec to the wizard's "first-frame <epoch ms>" line, printed by the start-up
# probe (-Dgitlab-access.startup-probe=true, passed through JAVA_TOOL_OPTIONS) once the window is
# shown and laid out; the probe then closes the wizard. Prints every run and the median.
set -euo pipefail
launcher=${1:-/opt/gitlab-access-wizard/lib/gitlab-access}
runs=${2:-7}
[ -x "$launcher" ] || { echo "bench: $launcher not found (install the .deb, or pass the app-image's launcher)" >&2; exit 2; }

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done

times=()
for i in $(seq "$runs"); do
  home=$(mktemp -d)
  start=$(date +%s%3N)
  out=$(DISPLAY=$display HOME=$home JAVA_TOOL_OPTIONS=-Dgitlab-access.startup-probe=true \
    timeout 60 "$launcher" 2>/dev/null || true)
  rm -rf "$home"
  frame=$(awk '/^first-frame /{print $2}' <<<"$out")
  [ -n "$frame" ] || { echo "bench: run $i showed no frame" >&2; exit 1; }
  times+=($((frame - start)))
  echo "run $i: ${times[-1]} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
echo "median cold start to first frame: $median ms over $runs runs ($(nproc) cores)"
