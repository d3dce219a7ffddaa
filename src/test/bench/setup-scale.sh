#!/usr/bin/env bash
# The scale benchmark of issue 15: `setup --method ssh` on N clones (token in the remotes) against the
# seed guide's manual procedure as a script, then `verify --ssh` against `ssh -T`, interleaved rounds.
# Usage: src/test/bench/setup-scale.sh [clones=40] [rounds=5]
# Measures `java -jar target/gitlab-access.jar` (built here when missing: mvn -q -DskipTests package);
# LAUNCHER=/opt/gitlab-access-wizard/lib/gitlab-access (say) measures an installed launcher instead.
# Needs git, ssh, ssh-keygen, ssh-keyscan and curl. Prints medians and ratios.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ -z "${LAUNCHER:-}" ] && [ ! -f target/gitlab-access.jar ]; then
  mvn -q -DskipTests package > target/bench-package.log 2>&1 || { echo "setup-scale.sh: packaging failed" >&2; exit 1; }
fi
exec src/test/bench/run.sh org.gitlabaccess.bench.SetupScaleBenchmark "$@"
