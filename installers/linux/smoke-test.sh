#!/usr/bin/env bash
# Smoke test of the Linux packages: builds the .deb and .rpm (unless --no-build), then
#  - reads their dependency fields: GTK 3 (both Debian names), git, OpenSSH, enough for every
#    library the shipped binaries link, and nothing only the build machine knows;
#  - runs the distributions' checkers: lintian, rpmlint, desktop-file-validate, appstreamcli;
#  - unpacks the .deb with dpkg-deb -x and checks the packaged app: `gitlab-access --version`,
#    a headless `doctor --json`, the no-display error, and the wizard's window under Xvfb;
#  - as root, installs the .deb (apt-get), checks the command, completions and man page, and
#    purges it again.
# (No `cmd | grep -q`, `| head` or `awk ... exit` in pipes: with pipefail, the writer's SIGPIPE
# would fail the script at random.)
# Needs: dpkg-deb, rpm (rpm2cpio), cpio, lintian, rpmlint, desktop-file-utils, appstream, man-db, Xvfb, xdotool
# (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in dpkg-deb rpm rpm2cpio cpio lintian desktop-file-validate appstreamcli Xvfb xdotool python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "smoke: FAIL: $tool is not installed (see .ci/run)" >&2; exit 1; }
done
if [ "${1:-}" != --no-build ]; then
  INSTALLER_TYPES="deb rpm" mvn -B -q -Pinstaller -DskipTests package
fi
version=$(sed -n 's/^  <version>\(.*\)<\/version>/\1/p' pom.xml | head -1)
deb=$(ls target/installers/gitlab-access-wizard_*.deb)
rpm=$(ls target/installers/gitlab-access-wizard-*.rpm)
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
ok() { echo "smoke: ok: $*"; }

# The budget: 35 MB for the app, its runtime and the CDS class lists, and 11 MB for the AOT
# configurations of the wizard, `repos scan` and `verify` (package.sh), which buy 50, 30 and 30 ms
# of their starts.
size=$(stat -c %s "$deb")
[ "$size" -le 46000000 ] || fail "$deb is $size bytes, over 46 MB"
ok "$(basename "$deb") is $size bytes; $(basename "$rpm") $(stat -c %s "$rpm")"

# Dependencies. Names the 0.1.0 .deb had from jpackage's scan of this machine's libraries: none of
# them is needed by name (GTK 3 brings its own), and some exist only on Debian or only before t64.
closure_only="libjpeg62-turbo liblcms2-2 libharfbuzz0b libsystemd0 libselinux1 libbsd0 libmd0 libgcrypt20 libgpg-error0 libbrotli1 libpcre2-8-0 libblkid1 libmount1 libcap2 liblz4-1 liblzma5 libzstd1 libexpat1 libffi8 libpng16-16 libglvnd0 libglx0 libxcb1 libxau6 libxdmcp6 libdbus-1-3 libwayland-client0 libepoxy0 libthai0 libdatrie1 libgraphite2-3 libpixman-1-0 libxkbcommon0 libatspi2.0-0"
deps=$(dpkg-deb -f "$deb" Depends)
relations=$(tr ',' '\n' <<<"$deps" | sed 's/([^)]*)//g; s/^ *//; s/ *$//')
grep -qx 'libgtk-3-0t64 | libgtk-3-0' <<<"$relations" || fail "Depends lacks 'libgtk-3-0t64 | libgtk-3-0': $deps"
grep -qx 'git' <<<"$relations" || fail "Depends lacks git: $deps"
grep -qx 'openssh-client' <<<"$relations" || fail "Depends lacks openssh-client: $deps"
for name in $closure_only; do
  if grep -qw -- "$name" <<<"$relations"; then
    fail "Depends names $name, which only this build machine's libraries brought: $deps"
  fi
done
ok "Depends: GTK 3 (libgtk-3-0t64 | libgtk-3-0), git, openssh-client; no build-machine-only names"

work=$(mktemp -d)
xvfb=""
gui=""
installed=""
cleanup() {
  [ -n "$gui" ] && kill "$gui" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  [ -n "$installed" ] && dpkg -P gitlab-access-wizard >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
dpkg-deb -x "$deb" "$work/root"

# Enough: every library a shipped binary links is shipped too, or belongs to a package that the
# declared Depends bring along (checked here against this Debian machine's packages: picking the
# first alternative apt has a version of (a name apt only knows from an installed package's Depends
# has none; grep without -q reads to the end, so apt-cache gets no SIGPIPE), and following Depends
# and Pre-Depends recursively).
first_known() { for p in $(tr '|' ' ' <<<"$1"); do apt-cache show "$p" 2>/dev/null | grep '^Version:' >/dev/null && { echo "$p"; return; }; done; }
roots=$(while read -r r; do first_known "$r"; done <<<"$relations")
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
  --no-enhances $roots 2>/dev/null | grep -v '^ ' | tr -d '<>' | sort -u > "$work/closure"
find "$work/root" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c 'head -c 4 "$1" | grep -q ELF && readelf -d "$1"' _ {} \; \
  | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u > "$work/needed"
while read -r soname; do
  [ -z "$(find "$work/root" -name "$soname" -print -quit)" ] || continue
  path=$(/sbin/ldconfig -p | awk -v s="$soname" '$1 == s && /x86-64/ && !p {p = $NF} END {print p}')
  [ -n "$path" ] || fail "cannot check $soname: not installed on this machine"
  real=$(readlink -f "$path")
  owner=""
  # dpkg knows a file by the path its package shipped, /lib or /usr/lib (merged /usr).
  for p in "$real" "${real#/usr}" "$path" "/usr$path"; do
    owner=$(dpkg -S "$p" 2>/dev/null | sed -n '1s/:.*//p' || true)
    [ -n "$owner" ] && break
  done
  [ -n "$owner" ] || fail "cannot check $soname: no package owns $path"
  grep -qx "$owner" "$work/closure" || fail "$soname ($owner) is linked but not brought by Depends: $deps"
done < "$work/needed"
ok "Depends bring all $(wc -l < "$work/needed") libraries the binaries link"

# The .rpm: libraries by soname (portable between Fedora and openSUSE), git, OpenSSH's client.
requires=$(rpm -qp --requires "$rpm" 2>/dev/null)
for need in 'libgtk-3.so.0()(64bit)' git openssh-clients; do
  grep -qxF "$need" <<<"$requires" || fail "the rpm does not require $need: $(paste -sd' ' <<<"$requires")"
done
if grep -q 'libjpeg\|liblcms2\|libharfbuzz\|libjvm\|libjava' <<<"$requires"; then
  fail "the rpm requires a build-machine or bundled library: $(paste -sd' ' <<<"$requires")"
fi
# Every library linked from outside the package, except GTK's own stack and glibc's parts (Temurin's
# libjvm links librt), is required.
gtk_stack='^lib\(gdk-3\|gdk_pixbuf-2\.0\|pango-1\.0\|pangocairo-1\.0\|atk-1\.0\|cairo\|cairo-gobject\|gio-2\.0\|gobject-2\.0\|gthread-2\.0\|glib-2\.0\|m\|dl\|pthread\|rt\)\.so\|^ld-linux'
while read -r soname; do
  [ -z "$(find "$work/root" -name "$soname" -print -quit)" ] || continue
  grep -q "$gtk_stack" <<<"$soname" && continue
  grep -q "^${soname//./\\.}(" <<<"$requires" || fail "the rpm does not require $soname"
done < "$work/needed"
ok "rpm Requires: GTK 3, git, openssh-clients and every other linked library, by soname"

# The distributions' checkers. lintian: no errors but the two a self-contained app under /opt has
# by design; warnings only jar-not-in-usr-share (same reason) and initial-upload-closes-no-bugs
# (no Debian bug to close).
lintian --no-tag-display-limit "$deb" > "$work/lintian" 2>&1 || true
bad=$(grep -E '^[EW]: ' "$work/lintian" | grep -vE ' (dir-or-file-in-opt|embedded-library|jar-not-in-usr-share|initial-upload-closes-no-bugs)( |$)' || true)
[ -z "$bad" ] || fail "lintian: $bad"
ok "lintian: $(grep -c '^E: ' "$work/lintian" || true) errors, all dir-or-file-in-opt/embedded-library; $(grep -c '^W: ' "$work/lintian" || true) warnings, all accepted"
# rpmlint (an openSUSE-flavoured default configuration on Debian): errors it raises for any bundled
# JDK are accepted (layout under /opt, the JDK's $ORIGIN runpaths and sonames, no signature: the
# repository signs); anything else fails.
if command -v rpmlint >/dev/null 2>&1; then
  rpmlint "$rpm" > "$work/rpmlint" 2>&1 || true
  bad=$(grep -E ': E: ' "$work/rpmlint" | grep -vE ': E: (dir-or-file-in-opt|non-versioned-file-in-library-package|binary-or-shlib-defines-rpath|missing-hash-section|invalid-soname|no-signature|files-duplicated-waste)( |$)' || true)
  [ -z "$bad" ] || fail "rpmlint: $bad"
  ok "rpmlint: $(tail -1 "$work/rpmlint")"
else
  echo "smoke: rpmlint not installed: rpm checked only for its Requires"
fi
desktop-file-validate "$work/root/usr/share/applications/gitlab-access-wizard.desktop" > "$work/dfv" 2>&1 \
  && [ ! -s "$work/dfv" ] || fail "desktop-file-validate: $(cat "$work/dfv")"
ok "desktop-file-validate: clean"
appstreamcli validate --pedantic --no-net "$work/root/usr/share/metainfo/org.gitlabaccess.wizard.metainfo.xml" \
  > "$work/as" 2>&1 || fail "appstreamcli validate --pedantic: $(cat "$work/as")"
ok "appstreamcli validate --pedantic: $(tail -1 "$work/as")"

app=$work/root/opt/gitlab-access-wizard
mkdir -p "$work/home"
export HOME=$work/home
unset DISPLAY WAYLAND_DISPLAY GITLAB_TOKEN

# What the packages' postinst does: the CDS archive with the app's classes, for this path.
# shellcheck source=integration.sh
. installers/linux/integration.sh
gaw_cds "$app"
[ -f "$app/lib/runtime/lib/server/cli.jsa" ] || fail "no CDS archive for the command line (cli.jsa)"
cli=$app/lib/gitlab-access   # what /usr/bin/gitlab-access links to
# --help: --version answers before loading the command classes.
JAVA_TOOL_OPTIONS="-Xlog:class+load -Xlog:cds" "$cli" --help > "$work/cds.log" 2>&1 || true
shared=$(grep -c 'org.gitlabaccess.* source: shared objects file' "$work/cds.log" || true)
[ "$shared" -gt 50 ] || fail "the app's classes are not loaded from the CDS archive ($shared are)"
grep '\]\[cds' "$work/cds.log" > "$work/cds.only" || true
! grep -i 'mismatch\|\[warning\|\[error' "$work/cds.only" > "$work/cds.bad" || fail "CDS: $(cat "$work/cds.bad")"
# Java 17 never uses the archived module graph with --add-opens/--add-exports; 25 does when they match.
if [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$app/lib/runtime/release")" -ge 25 ]; then
  grep -q 'full module graph: enabled' "$work/cds.only" || fail "CDS: no archived module graph: $(grep -i disabled "$work/cds.only")"
fi
grep -q 'cli.jsa' "$work/cds.only" || fail "--help did not map the command line's archive (cli.jsa)"
ok "CDS archive for this path: $shared of the app's classes mapped ready-made for --help (cli.jsa), no mismatch"
# The AOT caches (JDK 25): made for each configuration the package ships, and mapped by the starts
# they are for, global options before the command or not; any other command keeps cli.jsa.
if [ -f "$app/lib/app/repos-scan.aotconf" ]; then
  for name in $(cd "$app/lib/app" && ls -- *.aotconf | sed 's/\.aotconf$//'); do
    [ -f "$app/lib/runtime/lib/server/$name.aot" ] || fail "no AOT cache $name.aot made from $name.aotconf"
  done
  mkdir -p "$work/scan/r/.git/objects" "$work/scan/r/.git/refs"
  echo 'ref: refs/heads/main' > "$work/scan/r/.git/HEAD"
  for args in "repos scan" "--json repos scan" "--host https://gitlab.example --verbose repos --json scan"; do
    # shellcheck disable=SC2086
    JAVA_TOOL_OPTIONS="-Xlog:aot -Xlog:cds" "$cli" $args "$work/scan" > "$work/aot.log" 2>&1 \
      || fail "gitlab-access $args: $(cat "$work/aot.log")"
    grep -q 'Opened AOT cache .*/repos-scan\.aot' "$work/aot.log" || fail "'gitlab-access $args' did not map repos-scan.aot: $(cat "$work/aot.log")"
    ! grep -i '\[warning\|\[error\|mismatch' "$work/aot.log" > "$work/aot.bad" || fail "AOT: $(cat "$work/aot.bad")"
    grep -q "$work/scan/r" "$work/aot.log" || fail "'gitlab-access $args' did not find the repository: $(cat "$work/aot.log")"
  done
  # Every class the scan needs comes from its cache, on a home with one of each kind of thing a scan
  # meets (the training's): none from a jar (picocli's Java 5 class files, rewritten by the build,
  # and the app's classes that implement picocli's types were the last), and no lambda of the app
  # spun at run time (a path the training missed, or a lambda the cache cannot hold).
  # shellcheck source=startup-training.sh
  . installers/linux/startup-training.sh
  train_scan_home "$work/scanhome" https://gitlab.example >/dev/null 2>&1 || fail "the scan's sample home could not be made"
  # Without its SSH alias: whether the training resolved one with ssh -G depends on what its setup
  # wrote beside it (a port of the test server's), and the walk and the remotes are what is judged.
  rm "$work/scanhome/.ssh/config"
  HOME=$work/scanhome JAVA_TOOL_OPTIONS=-Xlog:class+load "$cli" repos scan "$work/scanhome" > "$work/aot.log" 2>&1 \
    || fail "gitlab-access repos scan: $(cat "$work/aot.log")"
  chmod -R u+rwx "$work/scanhome"
  grep -q 'Found [56] repositories' "$work/aot.log" || fail "repos scan of the sample home: $(grep -v '\[info' "$work/aot.log")"
  ! grep 'source: file:' "$work/aot.log" > "$work/aot.bad" \
    || fail "repos scan loaded $(wc -l < "$work/aot.bad") classes from jars, not from its AOT cache: $(head -5 "$work/aot.bad")"
  ! grep 'org\.gitlabaccess\.[^ ]*\$\$Lambda.* source: org\.\|Comparator\$\$Lambda' "$work/aot.log" > "$work/aot.bad" \
    || fail "repos scan spun lambdas its AOT cache should hold: $(head -5 "$work/aot.bad")"
  JAVA_TOOL_OPTIONS="-Xlog:aot -Xlog:cds" "$cli" --host https://gitlab.example repos rewrite --help > "$work/aot.log" 2>&1 || true
  grep -q 'cli\.jsa' "$work/aot.log" || fail "'repos rewrite' did not map cli.jsa: $(cat "$work/aot.log")"
  ok "AOT caches made on install ($(cd "$app/lib/runtime/lib/server" && ls -- *.aot | paste -sd' ' -)); repos scan maps its own, with or without global options first, and loads no class from a jar nor spins a lambda; other commands cli.jsa"
fi
# The .rpm's configurations were recorded from the app-image's jars, whose time the spec gives its
# own copies again: unpacked with their times, as rpm installs them, they make caches too.
if rpm -qlp "$rpm" 2>/dev/null | grep 'repos-scan\.aotconf$' >/dev/null; then
  mkdir "$work/rpmroot"
  rpm2cpio "$rpm" | (cd "$work/rpmroot" && cpio -idm --quiet)
  rpmapp=$work/rpmroot/opt/gitlab-access-wizard
  (gaw_cds "$rpmapp")   # in a subshell: integration.sh's functions set $app
  for name in $(cd "$rpmapp/lib/app" && ls -- *.aotconf | sed 's/\.aotconf$//'); do
    [ -f "$rpmapp/lib/runtime/lib/server/$name.aot" ] || fail "the .rpm's $name.aotconf makes no cache for its own jars"
  done
  rm -rf "$work/rpmroot"
  ok "the .rpm's AOT configurations make caches for its own jars"
fi

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
JAVA_TOOL_OPTIONS=-Xlog:aot "$cli" >"$work/gui.log" 2>&1 &   # what the menu entry runs
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
if [ -f "$app/lib/app/wizard.aotconf" ]; then
  grep -q 'Opened AOT cache .*/wizard\.aot' "$work/gui.log" || fail "the wizard did not map wizard.aot: $(cat "$work/gui.log")"
  ok "the wizard mapped its AOT cache (wizard.aot)"
fi
kill "$gui" 2>/dev/null || true
gui=""

# Installed: the command on PATH, its completions and man page; then purged without a trace.
if [ "$(id -u)" -ne 0 ]; then
  echo "smoke: not root: the install checks (apt-get install, completion, man) are skipped"
  echo "smoke: all passed"
  exit 0
fi
if dpkg -s gitlab-access-wizard >/dev/null 2>&1; then
  fail "gitlab-access-wizard is already installed here: remove it first (dpkg -P gitlab-access-wizard)"
fi
installed=yes
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >"$work/apt.log" 2>&1 || fail "apt-get install: $(tail -5 "$work/apt.log")"
out=$(gitlab-access --version)
[ "$out" = "gitlab-access $version" ] || fail "installed gitlab-access --version printed '$out'"
ok "installed: gitlab-access --version"
for conf in /opt/gitlab-access-wizard/lib/app/*.aotconf; do
  [ -f "$conf" ] || continue
  cache=/opt/gitlab-access-wizard/lib/runtime/lib/server/$(basename "$conf" .aotconf).aot
  [ -f "$cache" ] || fail "the package's postinst made no $cache"
  ok "installed: postinst made $(basename "$cache")"
done
bash -c 'source /usr/share/bash-completion/completions/gitlab-access && complete -p gitlab-access' >"$work/complete" 2>&1 \
  || fail "bash completion: $(cat "$work/complete")"
words=$(bash -c 'source /usr/share/bash-completion/completions/gitlab-access
  COMP_WORDS=(gitlab-access ssh-key ""); COMP_CWORD=2; COMP_LINE="gitlab-access ssh-key "; COMP_POINT=${#COMP_LINE}
  _complete_gitlab-access gitlab-access "" ssh-key 2>/dev/null; echo "${COMPREPLY[*]}"')
[[ " $words " == *" create "* && " $words " == *" upload "* ]] || fail "bash completion of 'gitlab-access ssh-key ': '$words'"
ok "bash completion: $(cat "$work/complete"); 'ssh-key <TAB>' offers: $words"
if command -v fish >/dev/null 2>&1; then
  words=$(fish -c 'complete -C "gitlab-access ssh"' | cut -f1 | paste -sd' ')
  [[ "$words" == *ssh-key* ]] || fail "fish completion of 'gitlab-access ssh': '$words'"
  ok "fish completion: 'ssh<TAB>' offers $words"
fi
page=$(MANPAGER=cat MANWIDTH=100 man gitlab-access 2>&1) || fail "man gitlab-access: $page"
for cmd in setup doctor login ssh-key repos verify; do
  grep -q "^ *$cmd\$" <<<"$page" || fail "man gitlab-access does not list the command $cmd"
done
page=$(MANPAGER=cat man gitlab-access-repos-rewrite 2>&1) || fail "man gitlab-access-repos-rewrite: $page"
grep -q -- '--dry-run' <<<"$page" || fail "man gitlab-access-repos-rewrite lacks --dry-run"
ok "man gitlab-access lists the commands; man gitlab-access-repos-rewrite has its options"
dpkg -P gitlab-access-wizard >/dev/null
installed=""
for f in /usr/bin/gitlab-access /opt/gitlab-access-wizard /usr/share/man/man1/gitlab-access.1.gz \
    /usr/share/bash-completion/completions/gitlab-access; do
  [ ! -e "$f" ] && [ ! -L "$f" ] || fail "$f is left after dpkg -P"
done
ok "dpkg -P removes it all (the install-time CDS archive included)"
echo "smoke: all passed"
