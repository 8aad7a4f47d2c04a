#!/usr/bin/env bash
# Set-up plus the whole test suite: Java unit tests (Maven/JUnit), Python tests (pytest) and the
# parity ratchet against NEST 3.9's recordings in ../shared/nest-reference (parity/STATUS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export MPLBACKEND=Agg
export PYTHONPATH="$PWD/python${PYTHONPATH:+:$PYTHONPATH}"

echo "== Java tests (JUnit)"
log=$(mktemp)
if ! mvn -B test >"$log" 2>&1; then
  cat "$log"
  echo "Java tests failed"
  exit 1
fi
# Surefire's summary per module (e.g. "Tests run: 40, Failures: 0, Errors: 0, Skipped: 0")
grep -E "^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$" "$log" || true
rm -f "$log"
echo "== Python tests (pytest)"
/usr/bin/python3 -m pytest -q tests
echo "== Parity against NEST 3.9 (ratchet: parity/pass_list.txt)"
/usr/bin/python3 parity/run_parity.py
echo "test suites: 3 passed, 0 failed"
