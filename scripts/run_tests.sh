#!/usr/bin/env bash
# Set-up plus the whole test suite: Java unit tests (Maven/JUnit), Python tests (pytest) and the
# parity ratchet against NEST 3.9's recordings in ../shared/nest-reference (parity/STATUS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export MPLBACKEND=Agg
export PYTHONPATH="$PWD/python${PYTHONPATH:+:$PYTHONPATH}"

echo "== Java tests"
mvn -q -B test
echo "== Python tests"
/usr/bin/python3 -m pytest -q tests
echo "== Parity (ratchet: parity/pass_list.txt)"
/usr/bin/python3 parity/run_parity.py
