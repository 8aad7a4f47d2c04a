#!/usr/bin/env bash
# Set-up plus the main job: runs a PyNEST example through nestj (default: one_neuron).
#   bash scripts/run_example.sh [SCRIPT.py [args...]]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
script="${1:-examples/nest_like/one_neuron.py}"
[ $# -gt 0 ] && shift
export MPLBACKEND="${MPLBACKEND:-Agg}"
PYTHONPATH="$PWD/python${PYTHONPATH:+:$PYTHONPATH}" exec /usr/bin/python3 -m nestj "$script" "$@"
