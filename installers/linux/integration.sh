# Install-time work shared by the deb's postinst/prerm and the rpm's %post/%preun (package.sh pastes
# this file into them). The packages ship their files under /opt and /usr themselves (the menu
# entry and icons are picked up by the desktop database's and icon cache's own triggers); what is
# left is the CDS archive, which can only be made once the app's final path is known.
gaw_app=/opt/gitlab-access-wizard
# The CDS archive with the app's classes (see build.sh), made for the class path of this install:
# the launchers' (from their .cfg, in order) with the app's directory filled in. Written beside the
# built-in JDK-and-JavaFX archive and moved over it only when complete; should the dump fail, the
# built-in one stays and the app starts a little slower. The file belongs to the package, so it goes
# with it on removal.
gaw_cds() {
  app=${1:-$gaw_app}
  list=$app/lib/app/gitlab-access.classlist
  jsa=$app/lib/runtime/lib/server/classes.jsa
  [ -f "$list" ] && [ -f "$jsa" ] || return 0
  esc=$(printf '%s' "$app/lib/app" | sed 's/[|&\\]/\\&/g')   # safe inside the sed replacement below
  cp=$(sed -n 's/^app\.classpath=//p' "$app/lib/app/gitlab-access.cfg" | sed "s|\$APPDIR|$esc|" | paste -sd: -)
  if "$app/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$jsa.new" \
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
