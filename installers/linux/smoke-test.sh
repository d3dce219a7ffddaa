#!/usr/bin/env bash
# Smoke test of the Linux package: builds the .deb (unless --no-build), unpacks it with
# dpkg-deb -x (no root, nothing installed) and checks the packaged app: `gitlab-access --version`,
# a headless `doctor --json`, the no-display error, and the wizard's window under Xvfb.
# Needs: dpkg-deb, fakeroot, Xvfb, xdotool (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" != --no-build ]; then
  INSTALLER_TYPES=deb mvn -B -q -Pinstaller -DskipTests package
fi
version=$(sed -n 's/^  <version>\(.*\)<\/version>/\1/p' pom.xml | head -1)
deb=$(ls target/installers/gitlab-access-wizard_*.deb)
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
ok() { echo "smoke: ok: $*"; }

size=$(stat -c %s "$deb")
[ "$size" -le $((40 * 1024 * 1024)) ] || fail "$deb is $size bytes, over 40 MB"
ok "$(basename "$deb") is $((size / 1024 / 1024)) MB"
deps=$(dpkg-deb -f "$deb" Depends)
[[ "$deps" == *libgtk-3-0* ]] || fail "Depends lacks libgtk-3-0: $deps"
ok "declares libgtk-3-0"

work=$(mktemp -d)
xvfb=""
gui=""
cleanup() {
  [ -n "$gui" ] && kill "$gui" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
dpkg-deb -x "$deb" "$work/root"
app=$work/root/opt/gitlab-access-wizard
mkdir -p "$work/home"
export HOME=$work/home
unset DISPLAY WAYLAND_DISPLAY GITLAB_TOKEN

# What the packages' postinst does: the CDS archive with the app's classes, for this path.
# shellcheck source=integration.sh
. installers/linux/integration.sh
gaw_cds "$app"
cli=$app/lib/gitlab-access   # what /usr/bin/gitlab-access links to
shared=$(JAVA_TOOL_OPTIONS="-Xlog:class+load" "$cli" --version 2>/dev/null \
  | grep -c 'org.gitlabaccess.* source: shared objects file' || true)
[ "$shared" -gt 10 ] || fail "the app's classes are not loaded from the CDS archive ($shared are)"
ok "CDS archive for this path: $shared of the app's classes mapped ready-made"

out=$("$cli" --version)
[ "$out" = "gitlab-access $version" ] || fail "--version printed '$out'"
ok "gitlab-access --version: $out"
out=$("$app/bin/gitlab-access" --version)
[ "$out" = "gitlab-access $version" ] || fail "bin/gitlab-access --version printed '$out'"
ok "the app-image's own launcher agrees"

set +e
json=$(timeout 120 "$cli" doctor --json --host https://127.0.0.1:9 2>"$work/doctor.err")
rc=$?
set -e
{ [ "$rc" = 0 ] || [ "$rc" = 1 ]; } || fail "doctor --json exited $rc: $(cat "$work/doctor.err")"
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert isinstance(d["checks"], list) and d["checks"]' "$json" \
  || fail "doctor --json printed no checks: $json"
ok "doctor --json (exit $rc) printed $(grep -o '"id"' <<<"$json" | wc -l) checks"

set +e
err=$("$cli" 2>&1 >/dev/null)
rc=$?
set -e
[ "$rc" = 2 ] && [[ "$err" == *"graphical desktop"* ]] || fail "no display: exit $rc, '$err'"
ok "without a display: exit 2 and a clear error"

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
"$cli" >"$work/gui.log" 2>&1 &   # what the menu entry runs
gui=$!
for _ in $(seq 60); do
  xdotool search --name "GitLab Access Wizard" >/dev/null 2>&1 && break
  kill -0 "$gui" 2>/dev/null || fail "the wizard exited: $(cat "$work/gui.log")"
  sleep 0.5
done
xdotool search --name "GitLab Access Wizard" >/dev/null 2>&1 || fail "no wizard window after 30 s: $(cat "$work/gui.log")"
ok "the wizard's window is shown"
sleep 2
kill -0 "$gui" 2>/dev/null || fail "the wizard died after showing its window: $(cat "$work/gui.log")"
! grep -q "IllegalAccess\|Exception" "$work/gui.log" || fail "the wizard logged errors: $(cat "$work/gui.log")"
[ ! -e "$HOME/.openjfx" ] || fail "JavaFX extracted its native libraries into the home"
ok "no errors, no native libraries extracted into the home"
echo "smoke: all passed"
