#!/usr/bin/env bash
# The long soak of the standalone server (docs/robustness.md): the CI test SoakStandaloneTest
# at 1,000 sessions for 60 seconds instead of 150 for 12, at -Xmx128m, the server's Netty leak
# detector at PARANOID (every buffer traced; the test fails on a "LEAK:" in the server's log).
# Prints its one-line summary (sessions x seconds, statements, errors, heap after GC at the
# start and the end).
#
#   bench/soak.sh [SESSIONS [SECONDS [LEAK_DETECTION_LEVEL]]]
#
# MOCKPG_JAR=path runs that jar instead of the test class path.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sessions="${1:-1000}"
seconds="${2:-60}"
leaks="${3:-paranoid}"
cd "$root"
# the summary line, and the assertion that failed, if one did
mvn -B -o -pl mockpg-core -Dtest=SoakStandaloneTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmockpg.soak.sessions="$sessions" -Dmockpg.soak.seconds="$seconds" -Dmockpg.soak.leakDetection="$leaks" \
    ${MOCKPG_JAR:+-Dmockpg.jar="$MOCKPG_JAR"} test \
    | grep -E '^soak:|AssertionFailedError|Tests run:' | head -3
