# Linux part of installers/build.sh (sourced): .deb and .rpm from the app-image.
image="$OUT_DIR/$name"

# Menu entry and icons inside the app (under lib/: jpackage packages only bin/ and lib/ of an
# app-image); the packages link them into /usr/share (integration.sh).
install -D -m 644 installers/linux/gitlab-access-wizard.desktop "$image/lib/desktop/gitlab-access-wizard.desktop"
for s in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "assets/icons/gitlab-access-$s.png" "$image/lib/desktop/icons/gitlab-access-$s.png"
done

# jpackage resource-dir: postinst/prerm (deb) and the spec (rpm), with integration.sh pasted in.
for f in postinst prerm gitlab-access-wizard.spec; do
  awk -v inc=installers/linux/integration.sh '$0 == "INTEGRATION_SH" { while ((getline l < inc) > 0) print l; close(inc); next } { print }' \
    "installers/linux/$f" > "$res/$f"
done

linux=(--app-image "$image" --name "$name" --app-version "$version" --dest "$OUT_DIR" --resource-dir "$res"
  --vendor "GitLab Access Wizard" --description "Fixes Git access to GitLab: SSH keys or a stored token, rewritten remotes, verified access."
  --install-dir /opt --linux-package-name gitlab-access-wizard --linux-app-category devel
  --license-file LICENSE --about-url https://gitlab.com/gitlab-access/gitlab-access-wizard)
types=${INSTALLER_TYPES:-deb rpm}
if [[ " $types " == *" deb "* ]]; then
  log "deb"
  # Depends: jpackage adds the packages of every shared library the runtime links (GTK 3 among
  # them, from JavaFX's libglassgtk3.so); git and ssh are what the app drives.
  jpackage --type deb "${linux[@]}" --linux-deb-maintainer "dev@gitlabaccess.invalid" \
    --linux-package-deps "git, openssh-client"
fi
if [[ " $types " == *" rpm "* ]]; then
  if command -v rpmbuild >/dev/null 2>&1; then
    log "rpm"
    # jpackage cannot look up rpm dependencies on a Debian build host: they are listed here.
    jpackage --type rpm "${linux[@]}" --linux-rpm-license-type "ASL 2.0" \
      --linux-package-deps "gtk3, libXtst, libXrender, libXi, libXxf86vm, mesa-libGL, freetype, fontconfig, pango, cairo, glib2, git, openssh-clients"
  else
    log "rpm skipped: rpmbuild not installed (apt-get install rpm)"
  fi
fi
log "built: $(cd "$OUT_DIR" && ls -d ./* | tr '\n' ' ')"
