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

# The runtime is linked from the newest LTS JDK of the build machine, 25: INSTALLER_JDK names it,
# otherwise the usual places are searched. The jars stay Java 17 (any JDK 17+ builds them); without
# a JDK 25 the runtime is linked from the JDK running the build, as before.
jdk_major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
find_jdk() {
  local d
  if [ -n "${INSTALLER_JDK+set}" ]; then
    set -- "$INSTALLER_JDK"
  else
    set -- /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home
  fi
  # The LTS first; a newer JDK only where there is no 25 (the log line names its version).
  for d in "$@"; do
    [ -x "$d/bin/jlink" ] && [ "$(jdk_major "$d")" -eq 25 ] 2>/dev/null && { echo "$d"; return; }
  done
  for d in "$@"; do
    [ -x "$d/bin/jlink" ] && [ "$(jdk_major "$d")" -gt 25 ] 2>/dev/null && { echo "$d"; return; }
  done
  return 0
}
jdk=$(find_jdk)
if [ -n "$jdk" ]; then
  log "runtime from $jdk (Java $(jdk_major "$jdk"))"
  PATH=$jdk/bin:$PATH   # its jdeps, jlink and jpackage
else
  echo "installers: WARNING: no JDK 25 found (INSTALLER_JDK=${INSTALLER_JDK-unset}): the runtime is linked from $(command -v jlink) (the JDK running the build): its CDS archive leaves out the app's lambdas; commands start slower" >&2
fi

input=$WORK_DIR/input
fxdir=$WORK_DIR/javafx
runtime=$WORK_DIR/runtime
res=$WORK_DIR/resources
rm -rf "$runtime" "$res" "$OUT_DIR"
mkdir -p "$OUT_DIR" "$res"
cp "$APP_JAR" "$input/"
rm -f "$input/config.json"
# JGit's jars are signed, which costs every start that touches them a signature check (40 ms of a
# scan) and keeps their classes out of the CDS archive: the signatures go (installers/common/unsign-jars.py
# says why that loses nothing).
python=$(command -v python3 || command -v python || true)
if [ -n "$python" ]; then
  "$python" installers/common/unsign-jars.py "$input"/*.jar | while read -r line; do log "$line"; done
elif [ "$os" = linux ]; then
  echo "build.sh: python3 is needed (the jars' signatures, the CDS class list, the .deb's jars): apt-get install python3" >&2
  exit 1
else
  echo "installers: WARNING: no python3: JGit's jars keep their signatures; commands that read git config start slower" >&2
fi
# Picocli's class files are Java 5's, which the JVM verifies the old way on every start and cannot
# link ahead of time: an AOT cache leaves them out, and with them the app's classes that implement
# picocli's types; all load from their jars on every command (30 ms of `repos scan`). They are
# rewritten as Java 8's, with stack maps, their code unchanged (installers/common/ClassFileUpgrade.java
# says how, and keeps a jar as it was if a rewritten class does not verify).
if [ -n "$jdk" ]; then
  "$jdk/bin/java" installers/common/ClassFileUpgrade.java "$input"/*.jar | { grep -v ': no class file older' || true; } \
    | while read -r line; do log "$line"; done
else
  log "no JDK 25: picocli's Java 5 class files stay as they are"
fi
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
# The classes the app starts with are recorded by one training JVM that runs every command and the
# wizard's first frame (linux/startup-training.sh). An archive holding the app's classes is tied to
# their exact class path (and their jars' size and time), known only once installed: the packages
# make it then, from gitlab-access.classlist (integration.sh); made at build time, it would add
# about 10 MB to the .deb. Built in meanwhile is an archive of the JDK's and JavaFX's classes, which
# works wherever the app lies; on JDK 25 jlink's own, of the JDK's classes only: JavaFX's as well
# would add 5 MB to the .deb, for the rare install whose dump fails.
jdk25_options=()
if [ -n "$jdk" ]; then
  # JavaFX 21 loads its native libraries and Marlin allocates off-heap memory through sun.misc.Unsafe,
  # which JDK 25 warns about on every start unless allowed.
  jdk25_options=(--enable-native-access=javafx.graphics --sun-misc-unsafe-memory-access=allow)
fi
if [ "$os" = linux ]; then
  log "CDS class list and archive"
  source installers/linux/startup-training.sh
  trap train_cleanup EXIT
  train_prepare
  train_run "$WORK_DIR/training.log" "$runtime/bin/java" "${jdk25_options[@]}" \
    -XX:DumpLoadedClassList="$WORK_DIR/training.lst" -cp "$input/*"
  # The test server and the home stay for the AOT configurations, which package.sh records.
  # JDK 17's static dump crashes on lambda proxies of classes on the class path: only the JDK's and
  # JavaFX's are kept there (the app's are spun at run time, as without CDS). JDK 25 archives them.
  grep -v '^#' "$WORK_DIR/training.lst" \
    | if [ -z "$jdk" ]; then grep -v '^@lambda-proxy \(org\|com/fasterxml\|ch\|picocli\|net\|impl\)/'; else cat; fi \
    | awk '!seen[$0]++' > "$input/gitlab-access.classlist"
  if [ -z "$jdk" ]; then
    chmod u+w "$runtime/lib/server/classes.jsa"
    "$runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$input/gitlab-access.classlist" \
      -XX:SharedArchiveFile="$runtime/lib/server/classes.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null 2>&1
    chmod a-w "$runtime/lib/server/classes.jsa"
  fi
fi
java_options=()
for opt in "${jdk25_options[@]}"; do java_options+=(--java-options "$opt"); done

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
  --runtime-image "$runtime" @installers/common/java-options.args "${java_options[@]}" @installers/"$os"/app-image.args

if [ "$os" = linux ]; then
  # A trial dump of the class list for the app-image, as the packages make it on install: what it
  # leaves out is read back, and the lines that made old (Java 5) classes unarchivable are dropped
  # (installers/linux/classlist-filter.py). The command line's list is the same without the
  # wizard's classes (JavaFX, ControlsFX, AtlantaFX, the app's ui package): see integration.sh.
  # Dumps of both then check that nothing else is left out, and say so if something is.
  source installers/linux/integration.sh
  image=$OUT_DIR/$name
  lists=$image/lib/app
  trial() {
    gaw_dump "$image" "$1" "$WORK_DIR/trial.jsa" -Xlog:cds=info > "$WORK_DIR/$2" 2>&1 \
      || { echo "build.sh: the trial CDS dump failed (see $WORK_DIR/$2)" >&2; exit 1; }
    rm -f "$WORK_DIR/trial.jsa"
    local left
    left=$(grep -c 'Skipping .*\(Old class has been linked\|is excluded\|Signed JAR\)' "$WORK_DIR/$2" || true)
    # Said, not fatal: the archive still works, and those classes load from their jars.
    [ "$left" -eq 0 ] || [ "${3:-}" = first ] \
      || echo "installers: WARNING: the CDS dump of $1 leaves out $left of the app's classes, which load from their jars (see $WORK_DIR/$2)" >&2
  }
  trial gitlab-access.classlist trial-dump.log first
  log "$("$python" installers/linux/classlist-filter.py "$lists/gitlab-access.classlist" "$WORK_DIR/trial-dump.log" \
    "$lists/gitlab-access.classlist.new" "$image"/lib/app/*.jar)"
  mv -f "$lists/gitlab-access.classlist.new" "$lists/gitlab-access.classlist"
  grep -v -E '^(@cp |@lambda-proxy )?(javafx|com/sun/(javafx|glass|prism|scenario|marlin|pisces|openpisces)|atlantafx|org/controlsfx|org/gitlabaccess/ui)/' \
    "$lists/gitlab-access.classlist" > "$lists/gitlab-access-cli.classlist"
  trial gitlab-access.classlist trial-dump-all.log
  trial gitlab-access-cli.classlist trial-dump-cli.log
  log "class lists: $(grep -c '^[^@]' "$lists/gitlab-access.classlist") classes, $(grep -c '^[^@]' "$lists/gitlab-access-cli.classlist") of them for the command line"

fi

source installers/"$os"/package.sh
if [ "$os" = linux ]; then
  train_cleanup
  trap - EXIT
fi
