#!/usr/bin/env bash
# Runs plugvnc's JMH benchmarks (benchmarks/) and the corpus size table. Not part of the tests.
#   bash scripts/bench.sh                      everything (about 25 minutes on 2 cores)
#   bash scripts/bench.sh EncoderBenchmark -p scene=MIXED    any JMH arguments
# Figures are Mpixels/s on one core (JMH's ops/us, one operation per pixel).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pquick package -pl benchmarks -am
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
if [ $# -eq 0 ]; then
  java -cp "$cp" org.plugvnc.benchmarks.CorpusSizes
  # AwtCaptureBenchmark needs a display: scripts/bench-awt.sh runs it under Xvfb.
  exec java -cp "$cp" org.openjdk.jmh.Main -e AwtCaptureBenchmark -rf text -rff benchmarks/target/jmh.txt
fi
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
