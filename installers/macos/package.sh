# macOS part of installers/build.sh (sourced): a .dmg and a .pkg from the app-image, with the icns
# icon. Signing and notarisation run when the CI variables are set (README, "Signing").
image="$OUT_DIR/$name.app"
sign_args=()
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  # The Developer ID certificate must already be in a keychain (CI imports it from
  # MACOS_CERTIFICATE_P12_BASE64 / MACOS_CERTIFICATE_PASSWORD before the build).
  sign_args=(--mac-sign --mac-signing-key-user-name "$MACOS_SIGN_IDENTITY")
  [ -n "${MACOS_KEYCHAIN:-}" ] && sign_args+=(--mac-signing-keychain "$MACOS_KEYCHAIN")
fi
common_mac=(--app-image "$image" --name "$name" --app-version "$version" --dest "$OUT_DIR"
  --vendor "GitLab Access Wizard" --license-file LICENSE --resource-dir installers/macos "${sign_args[@]}")
log "dmg"
jpackage --type dmg "${common_mac[@]}"
log "pkg"
jpackage --type pkg "${common_mac[@]}" --install-dir /Applications
if [ -n "${MACOS_NOTARY_APPLE_ID:-}" ]; then
  for f in "$OUT_DIR"/*.dmg "$OUT_DIR"/*.pkg; do
    xcrun notarytool submit "$f" --apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID" \
      --password "$MACOS_NOTARY_PASSWORD" --wait
    xcrun stapler staple "$f"
  done
fi
log "built: $(cd "$OUT_DIR" && ls -d ./* | tr '\n' ' ')"
