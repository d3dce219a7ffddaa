# Desktop integration shared by the deb's postinst/prerm and the rpm's %post/%preun (build.sh
# pastes this file into them). The package itself only ships /opt/gitlab-access-wizard; these links
# put the console command on PATH, the wizard in the menu and its icons in the theme, and are
# removed again on uninstall (only when they still point into the app).
gaw_app=/opt/gitlab-access-wizard
gaw_links() {
  echo "/usr/bin/gitlab-access $gaw_app/bin/gitlab-access"
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
gaw_install() {
  gaw_links | while read -r link target; do
    mkdir -p "$(dirname "$link")"
    ln -sfn "$target" "$link"
  done
  gaw_refresh
}
gaw_uninstall() {
  gaw_links | while read -r link target; do
    if [ -L "$link" ] && [ "$(readlink "$link")" = "$target" ]; then rm -f "$link"; fi
  done
  gaw_refresh
}
