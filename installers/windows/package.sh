# Windows part of installers/build.sh (sourced, Git Bash): an .msi built with WiX 3 from the app-image.
# Per-user install (no admin rights) under %LOCALAPPDATA%, a Start-menu entry, and a fixed upgrade
# code so a newer msi replaces an older one. Signing: see README ("Signing").
image="$OUT_DIR/$name"
sign() {  # signtool with the certificate from CI variables, when they are set
  if [ -n "${WINDOWS_SIGN_PFX_BASE64:-}" ]; then
    echo "$WINDOWS_SIGN_PFX_BASE64" | base64 -d > "$WORK_DIR/sign.pfx"
    signtool sign /fd SHA256 /td SHA256 /tr "${WINDOWS_SIGN_TIMESTAMP_URL:-http://timestamp.digicert.com}" \
      /f "$WORK_DIR/sign.pfx" /p "$WINDOWS_SIGN_PFX_PASSWORD" "$@"
    rm -f "$WORK_DIR/sign.pfx"
  fi
}
sign "$image"/*.exe
log "msi"
jpackage --type msi --app-image "$image" --name "$name" --app-version "$version" --dest "$OUT_DIR" \
  --vendor "GitLab Access Wizard" --description "Fixes Git access to GitLab" \
  --license-file LICENSE --resource-dir installers/windows @installers/windows/msi.args
sign "$OUT_DIR"/*.msi
log "built: $(cd "$OUT_DIR" && ls -d ./* | tr '\n' ' ')"
