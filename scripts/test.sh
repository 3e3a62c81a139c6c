#!/usr/bin/env bash
# Builds plugvnc and runs every test: unit tests, in-framework tests and the real-viewer interop
# tests (which need the packages scripts/install-test-deps.sh installs), then prints one line with
# the totals of all three kinds of report.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl distribution -Dit.test=VncSnapshotIT
# Exit code: Maven's.
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT
rc=0
mvn -B verify "$@" || rc=$?

# Unit tests (Surefire), real-viewer tests (Failsafe) and in-framework tests (bnd-testing) each
# write JUnit XML; add up the first <testsuite> element of every report this run wrote.
find . -path '*/target/*' \( -path '*/surefire-reports/TEST-*.xml' -o -path '*/failsafe-reports/TEST-*.xml' \
    -o -path '*/test-reports/*.xml' \) -newer "$marker" -print0 2>/dev/null \
  | xargs -0 -r grep -h -m1 -o '<testsuite [^>]*>' \
  | awk '
      function attr(name,   m) { return match($0, " " name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0 : 0 }
      { t += attr("tests"); f += attr("failures") + attr("errors"); s += attr("skipped") }
      END { printf "all tests: %d passed, %d failed, %d skipped\n", t - f - s, f, s }'

# bnd-testing reports success when it selects no test at all: a full run must have run the
# in-framework suite.
if [ $# -eq 0 ] && [ "$rc" -eq 0 ]; then
  report=$(find bundles/itest/target/test-reports -name '*.xml' -newer "$marker" 2>/dev/null | head -n 1)
  if [ -z "$report" ] || grep -m1 -q '<testsuite [^>]*tests="0"' "$report"; then
    echo "scripts/test.sh: the in-framework tests did not run" >&2
    rc=1
  fi
fi
exit "$rc"
