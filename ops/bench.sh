#!/usr/bin/env bash
# Runs the benchmark (Release build) and prints its one table; a full run writes it into docs/performance.md.
# Arguments: [--quick] [seconds per measurement, default 5] [one part]. --quick is a smoke run (figures mean nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=1 ops/install-prerequisites.sh
dotnet run -c Release --project tests/HetInitiatief.Benchmarks -- "$@"
