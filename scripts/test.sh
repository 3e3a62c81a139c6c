#!/usr/bin/env bash
# Builds plugvnc and runs every test: unit tests, in-framework tests and the real-viewer interop
# tests (which need the packages scripts/install-test-deps.sh installs).
# Extra arguments go to Maven, e.g. scripts/test.sh -pl distribution -Dit.test=VncSnapshotIT
# Exit code: Maven's.
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
exec mvn -B verify "$@"
