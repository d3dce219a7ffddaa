# Install-time work shared by the deb's postinst/prerm and the rpm's %post/%preun (package.sh pastes
# this file into them). The packages ship their files under /opt and /usr themselves (the menu
# entry and icons are picked up by the desktop database's and icon cache's own triggers); what is
# left is the CDS archive, which can only be made once the app's final path is known.
gaw_app=/opt/gitlab-access-wizard
# The CDS archive with the app's classes (see build.sh), made for the class path of this install:
# the launchers' (from their .cfg, in order) with the app's directory filled in, and their options
# (the archived module graph is used only with the module options it was made with). Not linked
# ahead of time (JEP 483's -XX:+AOTClassLinking): that loads every archived class, the wizard's
# too, at each start, and made `--version` take 0.22 s of CPU instead of 0.08 s. Written beside the
# built-in JDK-and-JavaFX archive and moved over it only when complete; should the dump fail, the
# built-in one stays and the app starts a little slower. The file belongs to the package, so it
# goes with it on removal.
gaw_cds() {
  app=${1:-$gaw_app}
  list=$app/lib/app/gitlab-access.classlist
  jsa=$app/lib/runtime/lib/server/classes.jsa
  cfg=$app/lib/app/gitlab-access.cfg
  [ -f "$list" ] && [ -f "$jsa" ] || return 0
  esc=$(printf '%s' "$app/lib/app" | sed 's/[|&\\]/\\&/g')   # safe inside the sed replacement below
  cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$esc|" | paste -sd: -)
  # The module options (one a line, none with a space: word splitting keeps them apart), which the
  # archived module graph must match; not the GC and JIT flags (JDK 17 archives its heap objects only
  # when G1 makes the dump) nor the properties, which hold the app's directory.
  opts=$(sed -n 's/^java-options=//p' "$cfg" | grep '^--' || true)
  # shellcheck disable=SC2086
  if "$app/lib/runtime/bin/java" $opts -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$jsa.new" \
      -cp "$cp" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null 2>&1; then
    chmod 444 "$jsa.new" && mv -f "$jsa.new" "$jsa"
  else
    rm -f "$jsa.new"
  fi
}
gaw_install() {
  gaw_cds || true
}
gaw_uninstall() {
  rm -f "$gaw_app/lib/runtime/lib/server/classes.jsa.new"   # left by an install interrupted mid-dump
}
