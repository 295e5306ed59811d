#!/usr/bin/env bash
# Runs every test of Het Initiatief on this machine: installs what the tests need (Debian's chromium
# for the browser tests, PostgreSQL's server binaries, the aiosmtpd SMTP server for the mail tests), builds, runs,
# and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

ops/install-prerequisites.sh || exit 1

export Logging__LogLevel__Default=Warning
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log=$(mktemp)
dotnet test HetInitiatief.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft Testing Platform closes with "total / failed / succeeded" per run; add them up. The log is read as text
# (-a) even when a test printed a control character (the fuzz test sends NUL).
passed=$(grep -aE '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -aE '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status before reporting a failed test (build or host error)"
  failed=1
fi
echo "Tests: ${passed} passed, ${failed} failed"
exit "$status"
