# Install-time work shared by the deb's postinst/prerm and the rpm's %posttrans/%preun (package.sh pastes
# this file into them). The packages ship their files under /opt and /usr themselves (the menu
# entry and icons are picked up by the desktop database's and icon cache's own triggers); what is
# left is the CDS archive, which can only be made once the app's final path is known.
gaw_app=/opt/gitlab-access-wizard
# The CDS archives with the app's classes (see build.sh), made for the class path of this install:
# the launchers' (from their .cfg, in order) with the app's directory filled in, and their options
# (the archived module graph is used only with the module options it was made with). Two: the
# command line's (cli.jsa, which lib/gitlab-access uses when given a command) and everything,
# the wizard's as well (classes.jsa, the runtime's default). The JVM relocates its whole archive
# at each start (address randomisation), so a command does not pay for the wizard's 2,000 JavaFX
# classes: 8 ms less of every start. And an AOT cache (JDK 25, JEP 483) for each way of starting
# whose configuration the build recorded: the wizard's, `repos scan`'s and `verify`'s. Such a cache
# loads and links every class it holds at each start, so one for every command made `--version`
# take 0.22 s of CPU instead of 0.08 s; one per way of starting holds only that start's classes, and
# took the wizard's first frame from 0.30 to 0.25 s, `repos scan` from 0.31 to 0.28 s and `verify`
# from 0.20 to 0.17 s. Each is written
# beside its final name and moved there only when complete; should a dump fail, the runtime's
# built-in archive of the JDK's classes stays and the app starts a little slower. classes.jsa
# belongs to the package; cli.jsa and the AOT caches are removed with it by gaw_uninstall.
gaw_server() { echo "$1/lib/runtime/lib/server"; }
gaw_cds() {
  app=${1:-$gaw_app}
  server=$(gaw_server "$app")
  # The old cli.jsa and AOT caches go first, all of them: the launcher names them explicitly; the
  # JVM prints errors on every start for a CDS archive made for other jars, and uses an AOT cache
  # without checking its jars at all (JDK 25.0.3); a JDK 17 runtime refuses the option. Without
  # them, starts map classes.jsa.
  rm -f "$server/cli.jsa" "$server"/*.aot "$server"/*.aot.new
  if [ -f "$server/classes.jsa" ]; then
    gaw_archive "$app" gitlab-access.classlist "$server/classes.jsa"
    gaw_archive "$app" gitlab-access-cli.classlist "$server/cli.jsa"
  fi
  for gaw_conf in "$app"/lib/app/*.aotconf; do
    if [ -f "$gaw_conf" ]; then
      gaw_aot "$app" "$(basename "$gaw_conf" .aotconf)"
    fi
  done
}
# gaw_archive APP LIST ARCHIVE
gaw_archive() {
  [ -f "$1/lib/app/$2" ] || return 0
  if gaw_dump "$1" "$2" "$3.new" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null 2>&1; then
    chmod 444 "$3.new" && mv -f "$3.new" "$3"
  else
    rm -f "$3.new"
  fi
}
# gaw_cp APP: the launchers' class path (from their .cfg, in order) with the app's directory filled in.
gaw_cp() {
  sed -n 's/^app\.classpath=//p' "$1/lib/app/gitlab-access.cfg" | gaw_appdir "$1" | paste -sd: -
}
# gaw_options APP PATTERN: the launchers' JVM options that match PATTERN (grep), one a line, the
# app's directory filled in; none holds a space, so word splitting keeps them apart.
gaw_options() {
  sed -n 's/^java-options=//p' "$1/lib/app/gitlab-access.cfg" | gaw_appdir "$1" | grep -e "$2" || true
}
gaw_appdir() {
  gaw_esc=$(printf '%s' "$1/lib/app" | sed 's/[|&\\]/\\&/g')   # safe inside the sed replacement below
  sed "s|\$APPDIR|$gaw_esc|"
}
# gaw_dump APP LIST ARCHIVE JVM_OPTION...: dumps the archive of APP's class list LIST (a name in
# lib/app) for APP's class path. The build runs it too, on the app-image, to read what a dump
# leaves out (installers/build.sh).
gaw_dump() {
  app=$1 list=$1/lib/app/$2 out=$3
  shift 3
  # The module options, which the archived module graph must match; not the GC and JIT flags
  # (JDK 17 archives its heap objects only when G1 makes the dump) nor the properties.
  # shellcheck disable=SC2046
  "$app/lib/runtime/bin/java" $(gaw_options "$app" '^--') -Xshare:dump -XX:SharedClassListFile="$list" \
    -XX:SharedArchiveFile="$out" -cp "$(gaw_cp "$app")" "$@"
}
# gaw_aot APP NAME: the AOT cache lib/runtime/lib/server/NAME.aot (JDK 25, JEP 483: the classes
# one way of starting uses, loaded and linked ahead of time) from the AOT configuration the build
# recorded for it (lib/app/NAME.aotconf), for this install's class path, with the launchers' module
# options and GC and JIT flags (an AOT cache is used only with those it was made with). The launcher
# names the cache when it starts that way (lib/gitlab-access); if making it fails, that start maps
# cli.jsa or classes.jsa instead.
gaw_aot() {
  gaw_out=$(gaw_server "$1")/$2.aot
  # shellcheck disable=SC2046
  if "$1/lib/runtime/bin/java" $(gaw_options "$1" '^-[-X]') -XX:AOTMode=create \
      -XX:AOTConfiguration="$1/lib/app/$2.aotconf" -XX:AOTCache="$gaw_out.new" -cp "$(gaw_cp "$1")" \
      >/dev/null 2>&1; then
    chmod 444 "$gaw_out.new" && mv -f "$gaw_out.new" "$gaw_out"
  else
    rm -f "$gaw_out.new"
  fi
}
gaw_install() {
  gaw_cds || true
}
gaw_uninstall() {
  # cli.jsa and the AOT caches are not the package's files; the .new ones are left by an install
  # interrupted mid-dump.
  server=$(gaw_server "$gaw_app")
  rm -f "$server/cli.jsa" "$server/cli.jsa.new" "$server/classes.jsa.new" "$server"/*.aot "$server"/*.aot.new
}
