#!/usr/bin/env bash
# The Ansible role end to end on this machine, against localhost: two local users, one with a
# plain-text token for the GitLab host in ~/.git-credentials. The playbook runs four times:
#   1. report only: the fleet report names both users and the planted failure; no change;
#   2. --check with gitlab_access_fix: nothing is fixed;
#   3. gitlab_access_fix: the line is removed (changed=1), the other host's line stays;
#   4. gitlab_access_fix again: nothing left to fix (changed=0).
# The host, gitlab.example.invalid, never resolves: the network checks fail, which the role must
# treat as findings (exit 1), not as task failures. A token given through a vars file (as Vault
# would) must never show up in Ansible's output (even with -vvv) or in the report.
# Needs root (it creates and removes the users), ansible-core and java.
# Usage: installers/ansible/ci-test.sh [target/gitlab-access.jar]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "ansible: FAIL: $*" >&2; exit 1; }
ok() { echo "ansible: ok: $*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "ansible: SKIP: not root; this test creates two local users (run it as root, as CI does)"
  exit 0
fi
jar=$(realpath -m "${1:-$here/../../target/gitlab-access.jar}")
[ -f "$jar" ] || fail "$jar is missing: build it first (mvn -B -DskipTests package)"
command -v ansible-playbook >/dev/null 2>&1 || fail "ansible-playbook is missing (apt-get install ansible-core; .ci/run does)"
java=$(command -v java) || fail "java is missing"

users=(gaw-alice gaw-bob)
for u in "${users[@]}"; do
  if id "$u" >/dev/null 2>&1; then
    fail "user $u exists already; this test creates and deletes it (userdel -r $u to run it again)"
  fi
done

work=$(mktemp -d)
created=()
cleanup() {
  for u in "${created[@]}"; do userdel -r "$u" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for u in "${users[@]}"; do
  useradd --create-home --shell /bin/bash "$u"
  created+=("$u")
done
alice_home=$(getent passwd gaw-alice | cut -d: -f6)

# What PlaintextSecretsCheck finds and its fix removes: a git "store" line for the GitLab host. The
# line for another host must stay byte for byte.
planted='glpat-FleetCiPlanted0123456789'
other='https://someone:kept-secret@git.other.invalid'
printf 'https://oauth2:%s@gitlab.example.invalid\n%s\n' "$planted" "$other" >"$alice_home/.git-credentials"
chown gaw-alice: "$alice_home/.git-credentials"
chmod 600 "$alice_home/.git-credentials"

# The jar where both users may read it (the checkout may be under /root).
chmod 755 "$work"
install -m 644 "$jar" "$work/gitlab-access.jar"

# No sudo in a minimal container: root becomes the users with su.
become=""
command -v sudo >/dev/null 2>&1 || become=" ansible_become_method=su"
echo "localhost ansible_connection=local ansible_python_interpreter=\"{{ ansible_playbook_python }}\"$become" \
  >"$work/inventory"
cat >"$work/vars.yml" <<EOF
gitlab_access_users: [gaw-alice, gaw-bob]
gitlab_access_cli: ["$java", "-jar", "$work/gitlab-access.jar"]
gitlab_access_host: https://gitlab.example.invalid
gitlab_access_report_dir: $work/report
EOF
token='glpat-FleetCiVaultToken987654321'
(umask 077 && echo "gitlab_access_token: $token" >"$work/token.yml")

export ANSIBLE_NOCOLOR=1 ANSIBLE_LOCAL_TEMP="$work/ansible-tmp" ANSIBLE_RETRY_FILES_ENABLED=0
run=0
playbook() {
  run=$((run + 1))
  log="$work/run$run.log"
  if ! ansible-playbook -i "$work/inventory" -e "@$work/vars.yml" "$@" "$here/fleet-doctor.yml" >"$log" 2>&1; then
    cat "$log" >&2
    fail "run $run: ansible-playbook $* failed"
  fi
}
recap_changed() {
  local line
  line=$(grep -E '^localhost +: ok=' "$log") || fail "run $run: no recap for localhost in $log"
  [[ "$line" =~ changed=([0-9]+).*failed=0 ]] || fail "run $run: recap: $line"
  echo "${BASH_REMATCH[1]}"
}
# report_has PYTHON_EXPRESSION: a check on fleet-report.json, loaded as `r`, with `alice` and `bob`
# their entries.
report_has() {
  python3 - "$work/report/fleet-report.json" "$1" <<'EOF' || fail "run $run: fleet-report.json: $1"
import json, sys
r = json.load(open(sys.argv[1]))
by_user = {e["user"]: e for e in r["results"] if e["host"] == "localhost"}
alice, bob = by_user["gaw-alice"], by_user["gaw-bob"]
sys.exit(0 if eval(sys.argv[2]) else 1)
EOF
}
no_secret_in() {
  for f in "$@"; do
    if grep -q -e "$token" -e "$planted" -e kept-secret "$f"; then fail "run $run: a secret shows in $f"; fi
  done
}

# 1. Report only, with the token and -vvv: the token reaches the doctor on stdin, never the output.
playbook -vvv -e "@$work/token.yml"
[ "$(recap_changed)" = 0 ] || fail "run 1 (report only) changed something"
report_has 'len(r["results"]) == 2 and r["hosts_not_run"] == [] and r["hosts"] == 1'
report_has 'alice["exit_code"] == 1 and alice["checks"]["git-credentials-plaintext"] == "fail"'
report_has 'bob["exit_code"] == 1 and bob["checks"]["git-credentials-plaintext"] == "ok"'
report_has 'alice["checks"]["host-reachable"] == "fail" and len(alice["checks"]) >= 19 and alice["fixes"] == []'
grep -q '^| `git-credentials-plaintext` | 1 | gaw-alice@localhost |$' "$work/report/fleet-report.md" \
  || fail "run 1: fleet-report.md does not name gaw-alice's failure"
grep -q '^| localhost | gaw-bob | 1 |' "$work/report/fleet-report.md" || fail "run 1: fleet-report.md lacks gaw-bob"
report_has '"No token given" not in alice["summaries"]["token-valid"]'
no_secret_in "$log" "$work/report/fleet-report.json" "$work/report/fleet-report.md"
cp "$work/report/fleet-report.md" "$work/run1-report.md"
ok "report only: both users reported, gaw-alice's plain-text token found, no change, no secret in the output"

# 2. Check mode never fixes, yet the read-only doctor runs and the report is written.
playbook --check -e gitlab_access_fix=true
[ "$(recap_changed)" = 0 ] || fail "run 2 (--check) reported a change"
grep -q "$planted" "$alice_home/.git-credentials" || fail "run 2 (--check) removed the planted line"
report_has 'alice["checks"]["git-credentials-plaintext"] == "fail" and not alice["fixed"]'
ok "check mode: nothing fixed, the report still shows the failure"

# 3. The fix removes the host's line and keeps the other host's.
playbook -e gitlab_access_fix=true
[ "$(recap_changed)" = 1 ] || fail "run 3 (fix) did not report exactly one change: $(grep -E '^localhost' "$log")"
[ "$(cat "$alice_home/.git-credentials")" = "$other" ] || fail "run 3: ~gaw-alice/.git-credentials is not just the other host's line"
report_has '[f["id"] for f in alice["fixes"]] == ["git-credentials-plaintext"] and bob["fixes"] == []'
report_has 'alice["checks"]["git-credentials-plaintext"] == "ok" and alice["fixed"]'
grep -q '^- gaw-alice@localhost, `git-credentials-plaintext`: ' "$work/report/fleet-report.md" \
  || fail "run 3: fleet-report.md does not list the fix"
no_secret_in "$log" "$work/report/fleet-report.json" "$work/report/fleet-report.md"
ok "fix: the plain-text token removed (changed=1), the other host's line kept"

# 4. Idempotent: nothing left to fix.
playbook -e gitlab_access_fix=true
[ "$(recap_changed)" = 0 ] || fail "run 4 (fix again) reported a change"
report_has 'alice["fixes"] == [] and bob["fixes"] == []'
ok "fix again: no change"

echo "ansible: fleet-report.md of run 1 (report only):"
cat "$work/run1-report.md"
