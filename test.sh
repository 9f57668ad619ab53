#!/usr/bin/env bash
# Runs every test (domain, use cases on PostgreSQL, HTTP, browser), installing what is missing
# (PostgreSQL, Debian's chromium), and ends with one line: "N passed, N failed[, N skipped]".
# Exits non-zero when anything fails, including the build (warnings are errors).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_prerequisites --tests

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$PWD/TestResults"
rm -rf "$results"

echo "Building (warnings are errors)..."
if ! dotnet build CommunityHub.sln -c Release -nologo -v quiet; then
    echo "0 passed, 1 failed (the build failed)"
    exit 1
fi

# One results folder per test project: trx files are named by time, and two may share a second.
status=0
for project in tests/*.Tests; do
    name=$(basename "$project")
    echo "Running $name..."
    dotnet test "$project" -c Release --no-build -nologo --logger trx --results-directory "$results/$name" || status=$?
done

# Sum the counters of every test assembly's results file.
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*/*.trx; do
    [ -f "$trx" ] || continue
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    passed=$((passed + $(value passed)))
    failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
    skipped=$((skipped + $(value notExecuted)))
done

expected=$(ls -d tests/*.Tests | wc -l)
if [ "$files" -lt "$expected" ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
    echo "A test assembly did not report results (dotnet test exited $status); counting it as a failure."
    failed=$((failed + 1))
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
