#!/usr/bin/env bash
# Runs a benchmark main class from the test sources: src/test/bench/run.sh CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test > target/bench-build.log 2>&1 || { echo "run.sh: the build failed (rc=$?)" >&2; exit 1; }
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$@"
