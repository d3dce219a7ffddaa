# Linux part of installers/build.sh (sourced): .deb and .rpm from the app-image.
# The app lives in /opt/gitlab-access-wizard; what distributions look for elsewhere (the command on
# PATH, menu entry, icons, AppStream metadata, completions, man pages, copyright and changelog) is
# shipped as real files under /usr, so dpkg and rpm own them and lintian/rpmlint can check them.
image="$OUT_DIR/$name"
app=/opt/gitlab-access-wizard
docs=${SHELL_DOCS:-}
[ -n "$docs" ] && [ -f "$docs/completion/gitlab-access.bash" ] && [ -f "$docs/man/gitlab-access.1" ] || {
  echo "build.sh: SHELL_DOCS ($docs) lacks the completions or man pages: run it through mvn -Pinstaller package" >&2
  exit 1
}
pkgver=$(sed -n '1s/^gitlab-access-wizard (\([^)]*\)).*/\1/p' installers/linux/changelog)
[ "$pkgver" = "$version-1" ] || {
  echo "build.sh: installers/linux/changelog starts with $pkgver, the pom says $version: add its entry" >&2
  exit 1
}

# What the packages need from the system, named portably rather than derived from this machine's
# libraries (which would be Debian 12's names, and nothing for GTK where GTK is not installed).
# From `readelf -d` of the runtime: the JVM links libc, libstdc++, libgcc_s and zlib (glibc 2.34,
# GLIBCXX_3.4.29); JavaFX's glass links GTK 3 (which brings Pango, Cairo, ATK, GLib and
# fontconfig, whose config package brings a font), X11 and Xtst; its OpenGL pipeline libGL and
# Xxf86vm; its font code FreeType, fontconfig and PangoFT2. Debian 13 and Ubuntu 24.04 renamed
# GTK's and GLib's packages for 64-bit time_t (t64); the alternatives keep older releases working.
# git and ssh are what the app drives.
deb_depends="libc6 (>= 2.34), libstdc++6 (>= 11), libgcc-s1, zlib1g, libgtk-3-0t64 | libgtk-3-0, libglib2.0-0t64 | libglib2.0-0, libpangoft2-1.0-0, libfontconfig1, libfreetype6, libx11-6, libxtst6, libxxf86vm1, libgl1, git, openssh-client"

# 1. The app-image as distributions expect shipped files: stripped, writable by root (jlink makes
# the runtime's legal notices read-only), no executable libraries on Debian (the rpm's spec makes
# them executable, as Fedora wants). The runtime was stripped in build.sh; these are jpackage's launchers.
chmod -R u+w "$image"
find "$image" -name '*.so' -exec chmod 644 {} +
if command -v strip >/dev/null; then
  chmod u+w "$image"/bin/* "$image"/lib/libapplauncher.so
  strip --strip-unneeded "$image"/bin/* "$image"/lib/libapplauncher.so
fi
# jpackage's copies of the icon: the menu uses the themed icons under /usr/share/icons.
rm -f "$image"/lib/*.png
# One time for every jar, which the packages keep (the .rpm's spec sets it again after jpackage's
# copy, the .deb's jars are stored again below): an AOT configuration holds its jars' sizes and
# times, and the install makes its cache only for jars that match.
jar_time=${SOURCE_DATE_EPOCH:-$(date +%s)}   # dpkg-deb and rpmbuild clamp file times to it
touch -d "@$jar_time" "$image"/lib/app/*.jar

# AOT configurations (JDK 25, JEP 483), from which the packages make an AOT cache on install
# (integration.sh): the classes of one way of starting, loaded and linked ahead of time. Only for
# the starts where that was measured to pay: the wizard's first frame (0.30 -> 0.25 s), `repos scan`
# (0.31 -> 0.28 s) and `verify` (0.20 -> 0.17 s, once picocli's classes could be linked ahead of
# time); a cache of every command's classes made each start load them all (`--version` 3x slower),
# and each cache is about 25 MB made on install.
# A configuration holds the size and time of the jars it was recorded with, and a cache is made
# only for those: so each is recorded from the tree a package ships, as its launcher runs the app
# (options, class path), each start in a JVM of its own against the start-up training's test
# server and home (startup-training.sh), and then made once here to check that the packages can.
# aot_configs APP_DIR LABEL
aot_configs() {
  local dir=$1 label=$2 name made=""
  rm -f "$dir"/lib/app/*.aotconf
  if [ -z "$jdk" ]; then
    log "no JDK 25: no AOT caches; every start maps a CDS archive"
    return 0
  fi
  if [ ${#train_display[@]} -gt 0 ]; then
    aot_record "$dir" wizard "${train_display[@]}" --
  fi
  aot_record "$dir" repos-scan -- --host "$train_url" repos scan "$train_home"
  # The training has set up the home's key and host (setup, in the start-up training's JVM).
  aot_record "$dir" verify -- verify --ssh --host "$train_url" --ca-file "$train_ca"
  for name in wizard repos-scan verify; do
    [ ! -f "$dir/lib/app/$name.aotconf" ] || made="$made $name ($(du -k "$dir/lib/app/$name.aotconf" | cut -f1) KB)"
  done
  log "AOT configurations for $label:${made:- none}"
}
# aot_record APP_DIR NAME [PREFIX...] -- [ARG...]: records lib/app/NAME.aotconf of the app started with
# ARG..., the command PREFIX... (xvfb-run) before it; the wizard's start-up probe closes the wizard
# once its first frame and the pages made after it are there.
aot_record() {
  local dir=$1 name=$2 prefix=() options
  shift 2
  while [ "$1" != -- ]; do prefix+=("$1"); shift; done
  shift
  mapfile -t options < <(gaw_options "$dir" '^-')
  # shellcheck disable=SC2046
  if "${train_env[@]}" "${prefix[@]}" timeout 600 "$dir/lib/runtime/bin/java" "${options[@]}" \
      -Dgitlab-access.startup-probe=true -XX:AOTMode=record -XX:AOTConfiguration="$dir/lib/app/$name.aotconf" \
      -cp "$(gaw_cp "$dir")" "$MAIN_CLASS" "$@" > "$WORK_DIR/aot-$name.log" 2>&1 \
    && "$dir/lib/runtime/bin/java" $(gaw_options "$dir" '^-[-X]') -XX:AOTMode=create \
      -XX:AOTConfiguration="$dir/lib/app/$name.aotconf" -XX:AOTCache="$WORK_DIR/trial.aot" -cp "$(gaw_cp "$dir")" \
      >> "$WORK_DIR/aot-$name.log" 2>&1; then
    :
  else
    rm -f "$dir/lib/app/$name.aotconf"
    echo "installers: WARNING: no AOT configuration for $name (see $WORK_DIR/aot-$name.log): it starts with the CDS archive" >&2
  fi
  rm -f "$WORK_DIR/trial.aot"
}
# The app-image's (which the .rpm ships as it is); the .deb's are recorded again below.
aot_configs "$image" "the app-image and the .rpm"

# The console command as the packages put it on PATH: a shell script that starts the app's JVM
# with the launchers' options and class path (from the .cfg, in order: the CDS archive made on
# install is tied to that class path). jpackage 17's launcher first asks rpm and dpkg which package
# owns it, 0.05 to 0.2 s on every run; a helpdesk script calling the command many times should not
# pay that. bin/gitlab-access stays for those who run the app-image directly.
cfg="$image/lib/app/gitlab-access.cfg"
{
  echo '#!/bin/sh'
  echo '# gitlab-access: the GitLab Access Wizard command line (generated by installers/linux/package.sh).'
  # Started as the packages install it, the app's directory is known: no readlink process (a few
  # ms of every start); from anywhere else (the app-image, a link of one's own) it is looked up.
  echo 'case $0 in'
  echo "  /usr/bin/gitlab-access|$app/lib/gitlab-access) app=$app ;;"
  echo '  *) app=$(readlink -f "$0") && app=${app%/lib/*} ;;'
  echo 'esac'
  # The archive this start maps (integration.sh): with no command, the wizard's AOT cache; for
  # `repos scan` and `verify`, their own; for any other command (and --help, --version), the command
  # line's CDS archive. The command is the first word that is neither an option nor the value of one of the
  # global options that take one (the list LauncherScriptTest keeps equal to GlobalOptions'). A
  # wrong guess costs start-up time, never behaviour: without its cache, the wizard maps classes.jsa.
  cat <<'SCRIPT'
server=$app/lib/runtime/lib/server
command= value=
for arg in "$@"; do
  if [ -n "$value" ]; then value=; continue; fi
  case $arg in
    --host|--ssh-host|--ssh-port|--ca-file|--token-file) value=1 ;;
    -h|--help|-V|--version) command=help; break ;;
    -*) ;;
    *) command="$command $arg"; [ "$command" = " repos" ] || break ;;
  esac
done
case $command in
  "") cache=$server/wizard.aot ;;
  " repos scan") cache=$server/repos-scan.aot ;;
  " verify") cache=$server/verify.aot ;;
  *) cache= ;;
esac
if [ -n "$cache" ] && [ -f "$cache" ]; then archive=-XX:AOTCache=$cache
elif [ -n "$command" ] && [ -f "$server/cli.jsa" ]; then archive=-XX:SharedArchiveFile=$server/cli.jsa
else archive=
fi
SCRIPT
  printf 'exec "$app/lib/runtime/bin/java" ${archive:+"$archive"}'
  sed -n 's/^java-options=//p' "$cfg" | sed 's|\$APPDIR|$app/lib/app|g' | while read -r opt; do printf ' \\\n  "%s"' "$opt"; done
  printf ' \\\n  -cp "%s"' "$(sed -n 's/^app\.classpath=//p' "$cfg" | sed 's|\$APPDIR|$app/lib/app|g' | paste -sd: -)"
  printf ' \\\n  %s "$@"\n' "$(sed -n 's/^app\.mainclass=//p' "$cfg" | head -1)"
} > "$image/lib/gitlab-access"
chmod 755 "$image/lib/gitlab-access"

# 2. The files under /usr, common to both packages. What differs: zsh's directory (Debian's
# vendor-completions, Fedora's site-functions) and the command's link (absolute across top-level
# directories for Debian's policy, relative for rpmlint).
# usr_tree DEST ZSH_DIR LINK_TARGET
usr_tree() {
  local dest=$1 zsh_dir=$2 link=$3 s page
  mkdir -p "$dest/usr/bin"
  ln -sfn "$link" "$dest/usr/bin/gitlab-access"
  install -D -m 644 installers/linux/gitlab-access-wizard.desktop "$dest/usr/share/applications/gitlab-access-wizard.desktop"
  for s in 16 24 32 48 64 128 256 512; do
    install -D -m 644 "assets/icons/gitlab-access-$s.png" "$dest/usr/share/icons/hicolor/${s}x${s}/apps/gitlab-access-wizard.png"
  done
  install -D -m 644 installers/linux/org.gitlabaccess.wizard.metainfo.xml "$dest/usr/share/metainfo/org.gitlabaccess.wizard.metainfo.xml"
  install -D -m 644 "$docs/completion/gitlab-access.bash" "$dest/usr/share/bash-completion/completions/gitlab-access"
  install -D -m 644 "$docs/completion/_gitlab-access" "$dest$zsh_dir/_gitlab-access"
  install -D -m 644 "$docs/completion/gitlab-access.fish" "$dest/usr/share/fish/vendor_completions.d/gitlab-access.fish"
  mkdir -p "$dest/usr/share/man/man1"
  for page in "$docs"/man/*.1; do
    gzip -9n < "$page" > "$dest/usr/share/man/man1/$(basename "$page").gz"
  done
  chmod 644 "$dest"/usr/share/man/man1/*.gz
}

types=${INSTALLER_TYPES:-deb rpm}
if [[ " $types " == *" deb "* ]]; then
  # 3. The .deb, built with dpkg-deb from a staged tree: jpackage's deb cannot place files outside
  # the install directory, and derives Depends from this machine's libraries.
  log "deb"
  root=$WORK_DIR/deb-root
  rm -rf "$root"
  mkdir -p "$root/opt" "$root/DEBIAN"
  cp -a "$image" "$root$app"
  # The jars stored rather than deflated: xz compresses the classes far better than zip did (the
  # .deb shrinks by about 5 MB; installed they take 15 MB more). Entries, order and times are kept.
  # Only in the .deb: rpmlint counts stored jars as an error (uncompressed-zip).
  python3 - "$root$app"/lib/app/*.jar <<'PY'
import os, sys, zipfile
for jar in sys.argv[1:]:
    tmp = jar + ".tmp"
    with zipfile.ZipFile(jar) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = src.read(info)
            info.compress_type = zipfile.ZIP_STORED
            dst.writestr(info, data)
    os.replace(tmp, jar)
PY
  # The jars changed: the AOT configurations are recorded again, for these.
  touch -d "@$jar_time" "$root$app"/lib/app/*.jar
  aot_configs "$root$app" "the .deb"
  usr_tree "$root" /usr/share/zsh/vendor-completions "$app/lib/gitlab-access"
  doc=$root/usr/share/doc/gitlab-access-wizard
  install -D -m 644 installers/linux/copyright "$doc/copyright"
  gzip -9n < installers/linux/changelog > "$doc/changelog.Debian.gz"
  chmod 644 "$doc/changelog.Debian.gz"
  # Maintainer scripts: integration.sh pasted in (the CDS archive for the installed class path).
  for f in postinst prerm; do
    awk -v inc=installers/linux/integration.sh '$0 == "INTEGRATION_SH" { while ((getline l < inc) > 0) print l; close(inc); next } { print }' \
      "installers/linux/$f" > "$root/DEBIAN/$f"
    chmod 755 "$root/DEBIAN/$f"
  done
  size=$(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)
  sed -e "s/APP_VERSION/$version/" -e "s/INSTALLED_SIZE/$size/" -e "s/DEPENDS/$deb_depends/" \
    installers/linux/control > "$root/DEBIAN/control"
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
  chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
  dpkg-deb --root-owner-group -Zxz --build "$root" "$OUT_DIR/gitlab-access-wizard_${version}-1_amd64.deb" >/dev/null
  rm -rf "$root"
fi
if [[ " $types " == *" rpm "* ]]; then
  if command -v rpmbuild >/dev/null 2>&1; then
    log "rpm"
    # The spec (jpackage resource-dir): Requires written there, integration.sh pasted in, and the
    # /usr tree staged here copied into the build root.
    usr=$WORK_DIR/rpm-usr
    rm -rf "$usr"
    usr_tree "$usr" /usr/share/zsh/site-functions "../..$app/lib/gitlab-access"
    awk -v inc=installers/linux/integration.sh -v usr="$usr" -v jar_time="$jar_time" '
      $0 == "INTEGRATION_SH" { while ((getline l < inc) > 0) print l; close(inc); next }
      { gsub(/USR_TREE/, usr); gsub(/JAR_TIME/, jar_time); print }' installers/linux/gitlab-access-wizard.spec > "$res/gitlab-access-wizard.spec"
    jpackage --type rpm --app-image "$image" --name "$name" --app-version "$version" --dest "$OUT_DIR" \
      --resource-dir "$res" --vendor "GitLab Access Wizard" \
      --description "Fixes Git access to GitLab: SSH keys or a stored token, rewritten remotes, verified access." \
      --install-dir /opt --linux-package-name gitlab-access-wizard --linux-app-category Development/Tools \
      --license-file LICENSE --about-url https://gitlab.com/gitlab-access/gitlab-access-wizard \
      --linux-rpm-license-type "Apache-2.0"
    rm -rf "$usr"
  else
    echo "installers: WARNING: rpm skipped: rpmbuild not installed (apt-get install rpm)" >&2
  fi
fi
log "built: $(cd "$OUT_DIR" && ls -d ./* | tr '\n' ' ')"
