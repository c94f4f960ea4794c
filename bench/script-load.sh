#!/usr/bin/env bash
# What a recorded script of many rules adds to mockpg's start, beside SnakeYAML's own parse of
# the same file (bench/run.sh runs the same measurement as one row of its table).
#
#   bench/script-load.sh [RULES [ROUNDS]]   default 10,000 rules (about 3 MB), 5 rounds
#   bench/script-load.sh --smoke            1,000 rules, 1 round
#
# Builds nothing: expects mockpg-core/target/mockpg.jar (mvn -DskipTests package). Prints the
# table of io.mockpg.bench.ScriptLoadBench: fresh JVM (java -jar until listening) and warm JVM
# (MockPgServer.builder().script(...).start()), empty script vs the generated one, medians of
# interleaved rounds, the added time as a ratio to SnakeYAML's compose of the file.
set -euo pipefail

rules=10000; rounds=5
case "${1:-}" in
    --smoke) rules=1000; rounds=1 ;;
    "") ;;
    -*) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    *) rules="$1"; rounds="${2:-5}" ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/mockpg-core/target/mockpg.jar"
[ -e "$jar" ] || { echo "missing $jar: run mvn -DskipTests package first" >&2; exit 2; }
work="$(mktemp -d /tmp/mockpg-script-load.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp "$jar" "$work/mockpg.jar"
mkdir "$work/classes"
javac -nowarn -d "$work/classes" -cp "$work/mockpg.jar" "$root/bench/java/io/mockpg/bench/ScriptLoadBench.java"
python3 "$root/bench/lib/recorded_script.py" "$rules" >"$work/recorded.yaml"
printf 'rules: []\n' >"$work/empty.yaml"
java -cp "$work/classes:$work/mockpg.jar" io.mockpg.bench.ScriptLoadBench "$work/mockpg.jar" \
    "$work/recorded.yaml" "$work/empty.yaml" "$rounds"
