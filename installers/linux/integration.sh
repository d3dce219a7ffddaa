# Desktop integration shared by the deb's postinst/prerm and the rpm's %post/%preun (build.sh
# pastes this file into them). The package itself only ships /opt/gitlab-access-wizard; these links
# put the console command on PATH, the wizard in the menu and its icons in the theme, and are
# removed again on uninstall (only when they still point into the app).
gaw_app=/opt/gitlab-access-wizard
gaw_links() {
  echo "/usr/bin/gitlab-access $gaw_app/lib/gitlab-access"
  echo "/usr/share/applications/gitlab-access-wizard.desktop $gaw_app/lib/desktop/gitlab-access-wizard.desktop"
  for s in 16 24 32 48 64 128 256 512; do
    echo "/usr/share/icons/hicolor/${s}x${s}/apps/gitlab-access-wizard.png $gaw_app/lib/desktop/icons/gitlab-access-${s}.png"
  done
}
gaw_refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f /usr/share/icons/hicolor/index.theme ]; then
    gtk-update-icon-cache -q -f -t /usr/share/icons/hicolor || true
  fi
}
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
  gaw_links | while read -r link target; do
    mkdir -p "$(dirname "$link")"
    ln -sfn "$target" "$link"
  done
  gaw_cds || true
  gaw_refresh
}
gaw_uninstall() {
  rm -f "$gaw_app/lib/runtime/lib/server/classes.jsa.new"   # left by an install interrupted mid-dump
  gaw_links | while read -r link target; do
    if [ -L "$link" ] && [ "$(readlink "$link")" = "$target" ]; then rm -f "$link"; fi
  done
  gaw_refresh
}
