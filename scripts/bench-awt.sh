#!/usr/bin/env bash
# Runs the AWT capture backend's benchmark (benchmarks/, AwtCaptureBenchmark) against a
# 1920x1080 Xvfb of its own. Not part of the tests.
#   bash scripts/bench-awt.sh                  the whole benchmark (about 3 minutes on 2 cores)
#   bash scripts/bench-awt.sh -f 1 -i 2        any extra JMH arguments
# Figures are milliseconds a frame.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v Xvfb >/dev/null || { echo "bench-awt: Xvfb missing: run scripts/install-test-deps.sh" >&2; exit 1; }
mvn -B -q -Pquick package -pl benchmarks -am
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
displayfd=$(mktemp)
Xvfb -displayfd 3 -screen 0 1920x1080x24 -noreset -nolisten tcp 3>"$displayfd" 2>/dev/null &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; rm -f "$displayfd"' EXIT
for _ in $(seq 100); do
  [ -s "$displayfd" ] && break
  sleep 0.1
done
[ -s "$displayfd" ] || { echo "bench-awt: Xvfb did not start" >&2; exit 1; }
DISPLAY=":$(head -n1 "$displayfd")" java -cp "$cp" org.openjdk.jmh.Main AwtCaptureBenchmark "$@"
