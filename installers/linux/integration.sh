# Install-time work shared by the deb's postinst/prerm and the rpm's %post/%preun (package.sh pastes
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
# classes: 8 ms less of every start. Not linked ahead of time (JEP 483's -XX:+AOTClassLinking):
# that loads every archived class at each start, and made `--version` take 0.22 s of CPU instead of
# 0.08 s. Each is written beside its final name and moved there only when complete; should a dump
# fail, the runtime's built-in archive of the JDK's classes stays and the app starts a little
# slower. classes.jsa belongs to the package; cli.jsa is removed with it by gaw_uninstall.
gaw_server() { echo "$1/lib/runtime/lib/server"; }
gaw_cds() {
  app=${1:-$gaw_app}
  server=$(gaw_server "$app")
  # An old cli.jsa goes first: the launcher names it explicitly, and the JVM prints errors on every
  # start for a named archive made for other jars; without one, commands map classes.jsa.
  rm -f "$server/cli.jsa"
  [ -f "$server/classes.jsa" ] || return 0
  gaw_archive "$app" gitlab-access.classlist "$server/classes.jsa"
  gaw_archive "$app" gitlab-access-cli.classlist "$server/cli.jsa"
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
# gaw_dump APP LIST ARCHIVE JVM_OPTION...: dumps the archive of APP's class list LIST (a name in
# lib/app) for APP's class path. The build runs it too, on the app-image, to read what a dump
# leaves out (installers/build.sh).
gaw_dump() {
  app=$1 list=$1/lib/app/$2 out=$3
  shift 3
  cfg=$app/lib/app/gitlab-access.cfg
  esc=$(printf '%s' "$app/lib/app" | sed 's/[|&\\]/\\&/g')   # safe inside the sed replacement below
  cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$esc|" | paste -sd: -)
  # The module options (one a line, none with a space: word splitting keeps them apart), which the
  # archived module graph must match; not the GC and JIT flags (JDK 17 archives its heap objects only
  # when G1 makes the dump) nor the properties, which hold the app's directory.
  opts=$(sed -n 's/^java-options=//p' "$cfg" | grep '^--' || true)
  # shellcheck disable=SC2086
  "$app/lib/runtime/bin/java" $opts -Xshare:dump -XX:SharedClassListFile="$list" \
    -XX:SharedArchiveFile="$out" -cp "$cp" "$@"
}
gaw_install() {
  gaw_cds || true
}
gaw_uninstall() {
  # cli.jsa is not the package's file; the .new ones are left by an install interrupted mid-dump.
  server=$(gaw_server "$gaw_app")
  rm -f "$server/cli.jsa" "$server/cli.jsa.new" "$server/classes.jsa.new"
}
