#!/usr/bin/env bash
# Builds the native installers with jlink + jpackage. Called by `mvn -Pinstaller package`, which
# gathers the jars and passes (as environment variables):
#   APP_VERSION  the pom's version (numeric; any -suffix is dropped: rpm and msi reject them)
#   APP_JAR      the project's thin jar        MAIN_CLASS  org.gitlabaccess.Main
#   WORK_DIR     target/installer: input/ (non-JavaFX runtime jars), javafx/ (JavaFX jars)
#   OUT_DIR      target/installers: the app-image and packages land here
#   SITE_CONFIG  optional path of an IT site config.json to bake in (next to the app)
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
# the user's home on first start, and seen by jpackage's dependency scan (GTK and friends).
case "$os" in linux) libdir=lib; pat='*.so' ;; macos) libdir=lib; pat='*.dylib' ;; windows) libdir=bin; pat='*.dll' ;; esac
for jar in "$fxdir"/javafx-graphics-*-"$fx".jar "$fxdir"/javafx-controls-*-"$fx".jar; do
  (cd "$runtime/$libdir" && unzip -q -o -j "$jar" "$pat" -x 'META-INF/*' 2>/dev/null || true)
done
# Not used by the app, and only drag in dependencies (ALSA, the splash screen's image codecs);
# the CDS archive for heaps over 32 GB is 10 MB nobody needs.
rm -f "$runtime"/lib/libjsound.* "$runtime"/lib/libsplashscreen.* "$runtime"/bin/jsound.dll "$runtime"/bin/splashscreen.dll
[ "$os" = linux ] && command -v strip >/dev/null && chmod u+w "$runtime"/lib/server/libjvm.so &&
  strip --strip-unneeded "$runtime"/lib/server/libjvm.so "$runtime"/lib/*.so
rm -f "$runtime"/lib/server/classes_nocoops.jsa "$runtime"/bin/server/classes_nocoops.jsa

# Class-data sharing (CDS): the JVM maps classes ready-made instead of loading and verifying them.
# The classes the app starts with are recorded here: the wizard up to its first frame (under a
# virtual display, with the start-up probe) and the console command (`repos scan` of a small tree,
# `--help`). An archive holding the app's own classes is tied to their exact class path, known only
# once installed: the packages make it then, from gitlab-access.classlist (integration.sh). Built in
# meanwhile is an archive of the JDK's and JavaFX's classes, which works wherever the app lies.
# Needs xvfb-run on Linux; without it jlink's JDK-only archive stays.
if [ "$os" = linux ] && command -v xvfb-run >/dev/null 2>&1; then
  log "CDS class list and archive"
  home=$(mktemp -d)
  HOME=$home xvfb-run -a -s "-screen 0 1280x800x24" timeout 120 "$runtime/bin/java" \
    -XX:DumpLoadedClassList="$WORK_DIR/wizard.lst" -Dgitlab-access.startup-probe=true \
    -cp "$input/*" "$MAIN_CLASS" >/dev/null
  repo=$home/src/app
  mkdir -p "$repo/.git/objects" "$repo/.git/refs" "$home/src/leaf"
  echo "ref: refs/heads/main" > "$repo/.git/HEAD"
  printf '[remote "origin"]\n\turl = https://gitlab.example.com/team/app.git\n' > "$repo/.git/config"
  HOME=$home "$runtime/bin/java" -XX:DumpLoadedClassList="$WORK_DIR/scan.lst" -cp "$input/*" "$MAIN_CLASS" \
    repos scan "$home" >/dev/null
  HOME=$home "$runtime/bin/java" -XX:DumpLoadedClassList="$WORK_DIR/help.lst" -cp "$input/*" "$MAIN_CLASS" \
    --help >/dev/null
  rm -rf "$home"
  # Lambda proxies of classes on the class path crash JDK 17's static dump: only the JDK's and
  # JavaFX's are kept (the app's are spun at run time, as without CDS).
  cat "$WORK_DIR/wizard.lst" "$WORK_DIR/scan.lst" "$WORK_DIR/help.lst" \
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
