# Start-up training of the Linux packages (sourced by build.sh). One JVM runs every command
# (org.gitlabaccess.StartupTraining) against the test server of the test sources, which runs in a JVM
# of its own, so that the training JVM has exactly the app's class path. The command line needs no
# display; the wizard's first frame, trained last, needs xvfb-run and GTK 3.

# train_prepare: starts the test server, writes the command lines and a sandbox home with a clone
# (and the scan's assortment, train_scan_home). Sets train_lines, train_env (the training's
# environment), train_url and train_ca (the test server's address and CA) and train_display (xvfb-run's arguments, or
# empty when the wizard cannot be trained here, which is then said once).
train_prepare() {
  train_home=$(mktemp -d)
  local cp url="" ca token why="" i
  if [ -z "${TEST_CLASSPATH:-}" ] || [ ! -f "$WORK_DIR/test-classpath.txt" ]; then
    echo "build.sh: TEST_CLASSPATH or $WORK_DIR/test-classpath.txt missing: run it through mvn -Pinstaller package" >&2
    exit 1
  fi
  cp="$TEST_CLASSPATH:$(cat "$WORK_DIR/test-classpath.txt")"
  rm -rf "$WORK_DIR/test-server"
  java -cp "$cp" org.gitlabaccess.testkit.DevServer "$WORK_DIR/test-server" > "$WORK_DIR/test-server.log" 2>&1 &
  train_server=$!
  for i in $(seq 1800); do   # 5 s here, much longer on a busy machine
    grep -q '^api-token=' "$WORK_DIR/test-server.log" 2>/dev/null && break
    kill -0 "$train_server" 2>/dev/null || break
    sleep 0.1
  done
  url=$(sed -n 's/^url=//p' "$WORK_DIR/test-server.log")
  ca=$(sed -n 's/^ca=//p' "$WORK_DIR/test-server.log")
  token=$(sed -n 's/^api-token=//p' "$WORK_DIR/test-server.log")
  [ -n "$token" ] || { echo "build.sh: the test server did not start: $(tail -5 "$WORK_DIR/test-server.log")" >&2; exit 1; }

  git init -q "$train_home/src/app"
  git -C "$train_home/src/app" remote add origin "$url/group/project-one.git"
  train_scan_home "$train_home" "$url"
  train_url=$url
  train_ca=$ca
  local h=$'\t--host\t'"$url"$'\t--ca-file\t'"$ca"
  train_lines=$WORK_DIR/training.lines
  {
    echo "--version"
    echo "--help"
    echo "ssh-key"$'\t'"create$h"
    echo "ssh-key"$'\t'"upload$h"
    echo "login$h"
    echo "setup"$'\t'"--method"$'\t'"ssh"$'\t'"--yes"$'\t'"--scan"$'\t'"$train_home/src$h"
    echo "verify"$'\t'"--ssh$h"
    echo "doctor$h"
    echo "--host"$'\t'"$url"$'\t'"repos"$'\t'"scan"$'\t'"$train_home"
  } > "$train_lines"
  train_env=(env -i PATH="$PATH" HOME="$train_home" LANG=C.UTF-8 GITLAB_TOKEN="$token")

  train_display=()
  if ! command -v xvfb-run >/dev/null 2>&1; then
    why="no xvfb-run (apt-get install xvfb xauth)"
  elif ! /sbin/ldconfig -p 2>/dev/null | grep 'libgtk-3\.so\.0 ' >/dev/null; then   # not -q: ldconfig's SIGPIPE would fail the pipe
    why="no GTK 3 (apt-get install libgtk-3-0)"
  else
    echo "" >> "$train_lines"   # no arguments: the wizard, up to its first frame
    train_display=(xvfb-run -a -s "-screen 0 1280x800x24")
  fi
  [ -z "$why" ] || echo "installers: WARNING: $why: the start-up training covers the command line only; the wizard will start slower" >&2
}

# train_scan_home HOME URL: beside src/app, one of each kind of thing a scan meets in a real home, so
# that the training (and the AOT cache of `repos scan`, recorded on this home) runs every path of the
# scan: a path it never took spins its lambdas and loads its classes at run time (about 20 ms of a
# scan). Bare repositories by content and by name, a linked worktree, a separate git directory, decoys
# (.git directory, file and pointer that lead nowhere), a pruned tree, a name the listing cannot
# spell as it is (in a directory of its own: its parent's whole subtree is walked the slow way), an
# unreadable git directory (when not root), a symbolic link, remotes of every kind, an insteadOf
# rule and an SSH alias. Outside src/, which the training's setup rewrites.
train_scan_home() {
  local home=$1 url=$2 host
  host=${url#https://}
  host=${host%%/*}
  host=${host%%:*}
  # The builder's own git configuration stays out (commit signing, hooks, templates).
  local w=$home/work g=(env GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 git -c user.name=training
    -c user.email=training@localhost -c init.defaultBranch=main)
  "${g[@]}" init -q "$w/kinds"
  "${g[@]}" -C "$w/kinds" commit -q --allow-empty -m training
  "${g[@]}" -C "$w/kinds" remote add origin "$url/group/kinds.git"
  "${g[@]}" -C "$w/kinds" remote add embedded "https://oauth2:glpat-training@$host/group/kinds.git"
  "${g[@]}" -C "$w/kinds" remote add ssh "git@$host:group/kinds.git"
  "${g[@]}" -C "$w/kinds" remote add alias "gl-training:group/kinds.git"
  "${g[@]}" -C "$w/kinds" remote add short "gltraining:group/kinds.git"
  "${g[@]}" -C "$w/kinds" remote add elsewhere "https://example.org/other/kinds.git"
  "${g[@]}" -C "$w/kinds" config remote.origin.pushurl "git@$host:group/kinds.git"
  "${g[@]}" -C "$w/kinds" worktree add -q "$w/kinds-worktree"
  "${g[@]}" init -q --separate-git-dir "$w/separate.git" "$w/separate"
  "${g[@]}" init -q --bare "$home/.dotfiles"
  "${g[@]}" init -q --bare "$w/mirror.git"
  "${g[@]}" -C "$w/mirror.git" remote add origin "$url/group/mirror.git"
  mkdir -p "$w/decoys/empty/.git" "$w/decoys/garbage" "$w/decoys/nowhere" "$w/odd/odd?name/inner" \
    "$w/app/node_modules/dep/lib" "$home/.cache/tool/data"
  echo garbage > "$w/decoys/garbage/.git"
  echo "gitdir: /no/such/git/dir" > "$w/decoys/nowhere/.git"
  "${g[@]}" init -q "$w/locked"
  chmod 000 "$w/locked/.git"
  ln -s "$w/kinds" "$w/link-to-kinds"
  printf '[url "git@%s:"]\n\tinsteadOf = gltraining:\n' "$host" > "$home/.gitconfig"
  mkdir -p "$home/.ssh"
  printf 'Host gl-training\n  HostName %s\n  User git\n' "$host" > "$home/.ssh/config"
  chmod 700 "$home/.ssh"
  chmod 600 "$home/.ssh/config"
}

train_cleanup() {
  [ -z "${train_server:-}" ] || kill "$train_server" 2>/dev/null || true
  if [ -n "${train_home:-}" ]; then
    chmod -R u+rwx "$train_home" 2>/dev/null || true
    rm -rf "$train_home"
  fi
}

# train_run LOG JAVA JVM_OPTION...: the training JVM (what it records, and the class path, among the
# options). Says which command lines failed: their classes beyond the failure are not recorded.
train_run() {
  local log=$1
  shift
  if ! "${train_env[@]}" "${train_display[@]}" timeout 600 "$@" -Dgitlab-access.startup-probe=true \
      org.gitlabaccess.StartupTraining "$train_lines" > "$log" 2>&1; then
    echo "build.sh: the start-up training failed (see $log)" >&2
    exit 1
  fi
  local failed
  failed=$(sed -n 's/^training: exit [1-9][0-9]*: //p' "$log" | cut -d' ' -f1-2 | paste -sd, -)
  log "start-up training: $(grep -c '^training: exit' "$log") command lines${failed:+ (exited non-zero: $failed)}"
}
