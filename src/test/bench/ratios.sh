#!/usr/bin/env bash
# Every ratio of README's performance targets in one run, on the installed package (medians of
# interleaved rounds, each against its anchor on the same machine at the same time):
#  1. `setup --method ssh` on 40 token-remote clones vs the manual procedure as a script, and
#     `verify --ssh` vs `ssh -T` with the same key (setup-scale.sh);
#  2. `--version` vs the bundled runtime's `java -version`, the wizard's first frame vs a bare JavaFX
#     window on the same runtime (installers/linux/bench-startup.sh);
#  3. `repos scan` vs fd with the same skips on a home dominated by pruned dependency trees, warm and
#     cold (run-bench.sh ... pruned).
# Usage: src/test/bench/ratios.sh [rounds=7]   (as root, with the .deb installed:
#   apt-get install -y ./target/installers/gitlab-access-wizard_*.deb fd-find time xvfb x11-utils curl)
# Writes the whole output to target/ratios.txt as well.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-7}
app=/opt/gitlab-access-wizard
[ -x "$app/lib/gitlab-access" ] || { echo "ratios.sh: install the .deb first ($app not found)" >&2; exit 2; }
mkdir -p target
{
  echo "# $(date -u +%FT%TZ) on $(nproc) cores, $(uname -r); $(gitlab-access --version)"
  echo "## setup on 40 clones, verify --ssh"
  LAUNCHER=$app/lib/gitlab-access src/test/bench/setup-scale.sh 40 "$rounds"
  echo "## start-up"
  installers/linux/bench-startup.sh "$app/lib/gitlab-access" "$rounds"
  echo "## repos scan, pruned home"
  APP=$app COLD_RUNS=3 src/test/bench/run-bench.sh /tmp/bench-pruned "$rounds" pruned
} 2>&1 | tee target/ratios.txt
