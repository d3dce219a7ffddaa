#!/usr/bin/env bash
# Builds the native installers with jlink + jpackage. Called by `mvn -Pinstaller package`, which
# gathers the jars and passes (as environment variables):
#   APP_VERSION  the pom's version (numeric; any -suffix is dropped: rpm and msi reject them)
#   APP_JAR      the project's thin jar        MAIN_CLASS  org.gitlabaccess.Main
#   WORK_DIR     target/installer: input/ (non-JavaFX runtime jars), javafx/ (JavaFX jars)
#   OUT_DIR      target/installers: the app-image and packages land here
#   SITE_CONFIG  optional path of an IT site config.json to bake in (next to the app)
#   SHELL_DOCS   target/shell-docs: completions and man pages made from the command model (Linux)
# Optional: INSTALLER_TYPES (default: all of this OS's types), and the signing variables
# documented in README ("Signing").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

: "${APP_VERSION:?}" "${APP_JAR:?}" "${MAIN_CLASS:?}" "${WORK_DIR:?}" "${OUT_DIR:?}"
version=${APP_VERSION%%-*}
# On Linux the names are lower case (the package, /opt/gitlab-access-wizard, the launcher).
case "$(uname -s)" in
  Linux) os=linux; fx=linux; sep=:; name=gitlab-access-wizard ;;
  Darwin) os=macos; fx=mac; sep=:; name="GitLab Access Wizard" ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; fx=win; sep=';'; name="GitLab Access Wizard" ;;
  *) echo "build.sh: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac
if [ "$os" = macos ] && [ "$(uname -m)" = arm64 ]; then fx=mac-aarch64; fi
log() { echo "installers: $*"; }

input=$WORK_DIR/input
fxdir=$WORK_DIR/javafx
runtime=$WORK_DIR/runtime
res=$WORK_DIR/resources
rm -rf "$runtime" "$res" "$OUT_DIR"
mkdir -p "$OUT_DIR" "$res"
cp "$APP_JAR" "$input/"
rm -f "$input/config.json"
if [ -n "${SITE_CONFIG:-}" ]; then
  # Lowest-priority layer at run time: -Dgitlab-access.app.dir points at the jars' directory.
  [ -f "$SITE_CONFIG" ] || { echo "build.sh: site config $SITE_CONFIG not found" >&2; exit 1; }
  cp "$SITE_CONFIG" "$input/config.json"
  # A relative caFile is relative to the config file: bake that certificate in as well.
  ca=$(sed -n 's/.*"caFile"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$SITE_CONFIG" | head -1)
  if [ -n "$ca" ] && [ "${ca#/}" = "$ca" ] && [ -f "$(dirname "$SITE_CONFIG")/$ca" ]; then
    cp "$(dirname "$SITE_CONFIG")/$ca" "$input/$ca"
  fi
  log "baked site config $SITE_CONFIG"
fi

# JavaFX's modular jars for this OS (the plain javafx-*.jar are empty placeholders).
fxjars=$(ls "$fxdir"/javafx-*-"$fx".jar | tr '\n' "$sep")
fxjars=${fxjars%"$sep"}
[ "$os" = windows ] && fxjars=$(cygpath -w -p "$(echo "$fxjars" | tr ';' ':')")

# 1. The runtime: what jdeps finds, plus what it cannot see (providers loaded by name).
log "jdeps"
found=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -q \
  --module-path "$fxjars" "$input"/*.jar 2>/dev/null | tail -1)
# jdk.crypto.ec: EC keys and TLS/SSH key exchange; jdk.localedata: German dates; jdk.zipfs: JGit.
modules="$found,jdk.crypto.ec,java.net.http,jdk.httpserver,jdk.unsupported,jdk.zipfs,java.naming,java.management,java.security.jgss,jdk.localedata,javafx.base,javafx.graphics,javafx.controls"
log "jlink $modules"
# --strip-debug, and on Linux the native symbols too (objcopy from binutils).
strip=--strip-debug
jlink --module-path "$fxjars" --add-modules "$modules" --include-locales=en,de \
  $strip --no-header-files --no-man-pages \
  --exclude-resources='glob:/javafx.graphics/*.so,glob:/javafx.graphics/*.dll,glob:/javafx.graphics/*.dylib,glob:/javafx.controls/*.so,glob:/javafx.controls/*.dll,glob:/javafx.controls/*.dylib' \
  --generate-cds-archive \
  --output "$runtime"
# JavaFX's native libraries next to the JDK's: loaded from there instead of being extracted into
# the user's home on first start.
case "$os" in linux) libdir=lib; pat='*.so' ;; macos) libdir=lib; pat='*.dylib' ;; windows) libdir=bin; pat='*.dll' ;; esac
command -v unzip >/dev/null 2>&1 || { echo "build.sh: unzip is needed to copy JavaFX's native libraries (apt-get install unzip)" >&2; exit 1; }
for jar in "$fxdir"/javafx-graphics-*-"$fx".jar "$fxdir"/javafx-controls-*-"$fx".jar; do
  (cd "$runtime/$libdir" && unzip -q -o -j "$jar" "$pat" -x 'META-INF/*' 2>/dev/null || true)
done
[ "$os" != linux ] || [ -f "$runtime/lib/libglass.so" ] || { echo "build.sh: JavaFX's native libraries were not copied into the runtime" >&2; exit 1; }
# Not used by the app, and only drag in dependencies (ALSA, the splash screen's image codecs);
# the CDS archive for heaps over 32 GB is 10 MB nobody needs.
rm -f "$runtime"/lib/libjsound.* "$runtime"/lib/libsplashscreen.* "$runtime"/bin/jsound.dll "$runtime"/bin/splashscreen.dll
rm -f "$runtime"/lib/server/classes_nocoops.jsa "$runtime"/bin/server/classes_nocoops.jsa
if [ "$os" = linux ]; then
  # AWT's native half: JavaFX needs java.desktop's classes (java.beans), never AWT, and the app
  # opens the browser without it (SystemBrowser). These libraries link the build machine's JPEG,
  # LCMS, HarfBuzz and X11 libraries, which the packages would otherwise have to declare.
  # Anything that did load AWT would fail with UnsatisfiedLinkError.
  rm -f "$runtime"/lib/libawt.so "$runtime"/lib/libawt_headless.so "$runtime"/lib/libawt_xawt.so \
    "$runtime"/lib/libjawt.so "$runtime"/lib/libfontmanager.so "$runtime"/lib/libjavajpeg.so \
    "$runtime"/lib/liblcms.so "$runtime"/lib/libmlib_image.so
  # Shared libraries are not executable (JavaFX's come out of the jar so), and every ELF file is
  # stripped of what linking does not need (Debian's and Fedora's rule for shipped binaries).
  find "$runtime" -name '*.so' -exec chmod 644 {} +
  if command -v strip >/dev/null; then
    find "$runtime" -type f \( -name '*.so' -o -perm -u+x \) | while read -r f; do
      if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then
        chmod u+w "$f" && strip --strip-unneeded "$f"
      fi
    done
  else
    echo "installers: WARNING: no strip (binutils): the runtime's binaries stay unstripped" >&2
  fi
fi

# Class-data sharing (CDS): the JVM maps classes ready-made instead of loading and verifying them.
# The classes the app starts with are recorded here: the console command (`repos scan` of a small
# tree, `--help`) always, and the wizard up to its first frame (under a virtual display, with the
# start-up probe) where xvfb-run and GTK 3 are there. An archive holding the app's own classes is
# tied to their exact class path, known only once installed: the packages make it then, from
# gitlab-access.classlist (integration.sh). Built in meanwhile is an archive of the JDK's and
# JavaFX's classes, which works wherever the app lies.
if [ "$os" = linux ]; then
  log "CDS class list and archive"
  home=$(mktemp -d)
  repo=$home/src/app
  mkdir -p "$repo/.git/objects" "$repo/.git/refs" "$home/src/leaf"
  echo "ref: refs/heads/main" > "$repo/.git/HEAD"
  printf '[remote "origin"]\n\turl = https://gitlab.example.com/team/app.git\n' > "$repo/.git/config"
  HOME=$home "$runtime/bin/java" -XX:DumpLoadedClassList="$WORK_DIR/scan.lst" -cp "$input/*" "$MAIN_CLASS" \
    repos scan "$home" >/dev/null
  HOME=$home "$runtime/bin/java" -XX:DumpLoadedClassList="$WORK_DIR/help.lst" -cp "$input/*" "$MAIN_CLASS" \
    --help >/dev/null
  lists=("$WORK_DIR/scan.lst" "$WORK_DIR/help.lst")
  rm -f "$WORK_DIR/wizard.lst"
  # Without a virtual display or GTK the wizard cannot start here: say so once, and go on with the
  # command line's classes (the wizard then starts somewhat slower, loading the rest from the jars).
  why=""
  if ! command -v xvfb-run >/dev/null 2>&1; then
    why="no xvfb-run (apt-get install xvfb xauth)"
  elif ! /sbin/ldconfig -p 2>/dev/null | grep 'libgtk-3\.so\.0 ' >/dev/null; then   # not -q: ldconfig's SIGPIPE would fail the pipe
    why="no GTK 3 (apt-get install libgtk-3-0)"
  elif ! HOME=$home xvfb-run -a -s "-screen 0 1280x800x24" timeout 120 "$runtime/bin/java" \
      -XX:DumpLoadedClassList="$WORK_DIR/wizard.lst" -Dgitlab-access.startup-probe=true \
      -cp "$input/*" "$MAIN_CLASS" >"$WORK_DIR/wizard.log" 2>&1; then
    why="the wizard did not start under xvfb-run (see $WORK_DIR/wizard.log)"
  else
    lists+=("$WORK_DIR/wizard.lst")
  fi
  [ -z "$why" ] || echo "installers: WARNING: $why: the class list has the command line's classes only; the wizard will start slower" >&2
  rm -rf "$home"
  # Lambda proxies of classes on the class path crash JDK 17's static dump: only the JDK's and
  # JavaFX's are kept (the app's are spun at run time, as without CDS).
  cat "${lists[@]}" \
    | grep -v '^#' | grep -v '^@lambda-proxy \(org\|com/fasterxml\|ch\|picocli\|net\|impl\)/' \
    | awk '!seen[$0]++' > "$input/gitlab-access.classlist"
  chmod u+w "$runtime/lib/server/classes.jsa"
  "$runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$input/gitlab-access.classlist" \
    -XX:SharedArchiveFile="$runtime/lib/server/classes.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null 2>&1
  chmod a-w "$runtime/lib/server/classes.jsa"
fi

# 2. The app-image (jars on the class path, two launchers), then this OS's packages from it.
common=(--name "$name" --app-version "$version"
  --vendor "GitLab Access Wizard" --copyright "Apache License 2.0"
  --description "Fixes Git access to GitLab: SSH keys or a stored token, rewritten remotes, verified access.")
image_extra=()
if [ "$os" = macos ] && [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  image_extra=(--mac-sign --mac-signing-key-user-name "$MACOS_SIGN_IDENTITY")
fi
log "app-image"
jpackage --type app-image "${common[@]}" "${image_extra[@]}" --dest "$OUT_DIR" \
  --input "$input" --main-jar "$(basename "$APP_JAR")" --main-class "$MAIN_CLASS" \
  --runtime-image "$runtime" @installers/common/java-options.args @installers/"$os"/app-image.args

source installers/"$os"/package.sh
