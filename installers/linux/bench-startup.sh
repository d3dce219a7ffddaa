#!/usr/bin/env bash
# Start-up of the installed app beside its anchors on the same bundled runtime, in interleaved
# rounds (load from elsewhere on the machine hits both alike); prints every pair's medians and ratio:
#  - `gitlab-access --version` vs the runtime's bare `java -version` (with the JDK's CDS archive);
#  - the wizard to its first frame vs a bare JavaFX window (src/test/bench/BareWindow.java, run with
#    the launcher's JVM options and an archive of its own classes of the kind the wizard maps: an
#    AOT cache where the wizard has one, else CDS), under Xvfb.
#   installers/linux/bench-startup.sh [LAUNCHER] [RUNS]
# LAUNCHER defaults to the installed /opt/gitlab-access-wizard/lib/gitlab-access (the menu entry's
# command); RUNS to 9. Each run is a new process with a fresh HOME. A frame's time is from just before
# exec to the "first-frame <epoch ms>" line, printed by the wizard's start-up probe
# (-Dgitlab-access.startup-probe=true, passed through JAVA_TOOL_OPTIONS) once the window is shown and
# laid out; the probe then closes the wizard. Needs Xvfb, xdpyinfo, javac and the JavaFX jars of
# an installer build (target/installer/javafx).
set -euo pipefail
cd "$(dirname "$0")/../.."
launcher=${1:-/opt/gitlab-access-wizard/lib/gitlab-access}
runs=${2:-9}
[ -x "$launcher" ] || { echo "bench: $launcher not found (install the .deb, or pass the app-image's lib/gitlab-access)" >&2; exit 2; }
app=$(dirname "$(dirname "$(readlink -f "$launcher")")")
java=$app/lib/runtime/bin/java
mapfile -t opts < <(sed -n 's/^java-options=//p' "$app/lib/app/gitlab-access.cfg" | grep -v '^-D')

work=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done

# The bare window, compiled against the JavaFX the runtime was linked with, and run with a CDS
# archive of its own start-up classes, made as the packages make the app's (integration.sh).
fx=$(ls target/installer/javafx/javafx-*-linux.jar 2>/dev/null | paste -sd: -)
[ -n "$fx" ] || { echo "bench: no JavaFX jars in target/installer/javafx (run mvn -Pinstaller package first)" >&2; exit 2; }
# Only the wizard's start-up probe (one class) comes from the app's jar.
appjar=$(ls "$app"/lib/app/gitlab-access-*.jar)
javac -d "$work/bare" --release 17 -cp "$fx:$appjar" src/test/bench/BareWindow.java
jar cf "$work/bare.jar" -C "$work/bare" .   # CDS archives classes from jars only
DISPLAY=$display HOME=$work "$java" "${opts[@]}" -XX:DumpLoadedClassList="$work/bare.classlist" \
  -cp "$work/bare.jar:$appjar" BareWindow >"$work/bare.log" 2>&1 || { echo "bench: the bare window failed: $(cat "$work/bare.log")" >&2; exit 1; }
"$java" "${opts[@]}" -Xshare:dump -XX:SharedClassListFile="$work/bare.classlist" -XX:SharedArchiveFile="$work/bare.jsa" \
  -cp "$work/bare.jar:$appjar" >"$work/bare.log" 2>&1 || { echo "bench: no archive for the bare window: $(cat "$work/bare.log")" >&2; exit 1; }
bare_archive=-XX:SharedArchiveFile=$work/bare.jsa
# Where the wizard has an AOT cache of its own (integration.sh), so does the bare window: recorded
# and made the same way, so that the pair compares windows, not archives.
if [ -f "$app/lib/runtime/lib/server/wizard.aot" ]; then
  DISPLAY=$display HOME=$work "$java" "${opts[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$work/bare.aotconf" \
    -cp "$work/bare.jar:$appjar" BareWindow >"$work/bare.log" 2>&1 || { echo "bench: the bare window failed: $(cat "$work/bare.log")" >&2; exit 1; }
  "$java" "${opts[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$work/bare.aotconf" -XX:AOTCache="$work/bare.aot" \
    -cp "$work/bare.jar:$appjar" >"$work/bare.log" 2>&1 || { echo "bench: no AOT cache for the bare window: $(cat "$work/bare.log")" >&2; exit 1; }
  bare_archive=-XX:AOTCache=$work/bare.aot
fi

# The runtime's own archive holds the app's classes for the app's class path, which the JVM refuses
# for any other: bare `java -version` gets an archive of the JDK's classes, as jlink makes it.
"$java" -Xshare:dump -XX:SharedArchiveFile="$work/jdk.jsa" >"$work/jdk.log" 2>&1 \
  || { echo "bench: no archive for java -version: $(cat "$work/jdk.log")" >&2; exit 1; }

now_ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }
# elapsed COMMAND...: ms from just before exec to its exit.
elapsed() {
  local start
  start=${EPOCHREALTIME/./}
  "$@" >/dev/null 2>&1
  echo $(( (${EPOCHREALTIME/./} - start) / 1000 ))
}
# frame COMMAND...: ms from just before exec to its first-frame line.
frame() {
  local start out at home
  home=$(mktemp -d)
  start=$(now_ms)
  out=$(DISPLAY=$display HOME=$home JAVA_TOOL_OPTIONS=-Dgitlab-access.startup-probe=true timeout 60 "$@" 2>/dev/null || true)
  rm -rf "$home"
  at=$(awk '/^first-frame /{print $2}' <<<"$out")
  [ -n "$at" ] || { echo "bench: $* showed no frame" >&2; exit 1; }
  echo $((at - start))
}

declare -A times
for _ in $(seq "$runs"); do
  times[java -version]+=" $(elapsed "$java" -XX:SharedArchiveFile="$work/jdk.jsa" -version)"
  times[gitlab-access --version]+=" $(elapsed "$launcher" --version)"
  times[bare JavaFX window]+=" $(frame "$java" "${opts[@]}" "$bare_archive" -cp "$work/bare.jar:$appjar" BareWindow)"
  times[wizard first frame]+=" $(frame "$launcher")"
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
pair() {
  local a b
  a=$(median "${times[$1]}")
  b=$(median "${times[$2]}")
  printf '%-24s %5d ms   %-20s %5d ms   ratio %.2f   (runs:%s)\n' "$2" "$b" "$1" "$a" \
    "$(awk -v a="$a" -v b="$b" 'BEGIN {print b / a}')" "${times[$2]}"
}
pair "java -version" "gitlab-access --version"
pair "bare JavaFX window" "wizard first frame"
echo "the bare window maps ${bare_archive%%=*} (${bare_archive##*/}), as the wizard does"
echo "medians of $runs interleaved rounds; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); runtime $(sed -n 's/^JAVA_VERSION=//p' "$app/lib/runtime/release")"
