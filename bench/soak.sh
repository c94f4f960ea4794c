#!/usr/bin/env bash
# The long soak of the standalone server (docs/robustness.md): the CI test SoakStandaloneTest
# at 1,000 sessions for 60 seconds instead of 150 for 12, at -Xmx128m. Prints its one-line
# summary (sessions x seconds, statements, errors, heap after GC at the start and the end).
# Until the journal is bounded (--journal-limit), its growth alone takes the heap past the
# test's 100 MB bound in a run this long.
#
#   bench/soak.sh [SESSIONS [SECONDS]]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sessions="${1:-1000}"
seconds="${2:-60}"
cd "$root"
# the summary line, and the assertion that failed, if one did
mvn -B -o -pl mockpg-core -Dtest=SoakStandaloneTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmockpg.soak.sessions="$sessions" -Dmockpg.soak.seconds="$seconds" test \
    | grep -E '^soak:|AssertionFailedError|Tests run:' | head -3
