#!/usr/bin/env bash
# Runs the benchmark (Release build) and prints its table. Optional argument: seconds per measurement (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER=1 ops/install-prerequisites.sh
dotnet run -c Release --project tests/HetInitiatief.Benchmarks -- "$@"
