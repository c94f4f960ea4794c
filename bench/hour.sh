#!/usr/bin/env bash
# An hour of pgbench against the standalone server at -Xmx128m (docs/robustness.md): does a
# server that never empties its journal keep its throughput? Because this machine's speed
# drifts over an hour and other work shares its CPUs, the canned-bytes ceiling
# (bench/native/cannedpg.c) runs the same pgbench in the same hour, side by side: the ratio
# mockpg/ceiling in the first and the last minute is the figure, not the raw TPS.
#
#   bench/hour.sh [OUT_DIR [SECONDS]]     (defaults: a temporary directory, 3600)
#
# Each server gets `pgbench -n -M prepared -c 50 -j 2 -T SECONDS -P 60 -f select1.sql`. mockpg
# runs with the bench's script, --max-connections 1100 and the default --journal-limit
# (100,000). Every minute the sampler writes the RSS of both servers, `jstat -gc` of mockpg
# (heap use and GC time, without forcing a collection) and the journal's dropped count
# (the Mockpg-Journal-Dropped header of GET /journal?limit=1). Heap after a full GC is taken
# before and after the pgbench runs. Expects mockpg-core/target/mockpg.jar (or MOCKPG_JAR);
# needs pgbench, jcmd, jstat, curl and gcc. Leaves everything in OUT_DIR, summary.txt last.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d /tmp/mockpg-hour.XXXXXX)}"
seconds="${2:-3600}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
jar="${MOCKPG_JAR:-$root/mockpg-core/target/mockpg.jar}"
[ -e "$jar" ] || { echo "missing $jar: run mvn -DskipTests package first" >&2; exit 2; }
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)"
source "$root/bench/lib/common.sh"
# keep OUT_DIR: the figures are the point; stop only the processes started here
stop_all() {
    local pidfile
    for pidfile in "$work"/*.pid; do
        [ -e "$pidfile" ] || continue
        kill "$(cat "$pidfile")" 2>/dev/null || true
        rm -f "$pidfile"
    done
}
trap stop_all EXIT
# a private copy: a rebuild during the hour must not change classes under the running server
cp "$jar" "$work/mockpg.jar"; jar="$work/mockpg.jar"

log "jar $(sha1sum "$jar" | cut -c1-12), $seconds s, output in $work"
gcc -O2 -pthread -o "$work/cannedpg" "$root/bench/native/cannedpg.c" || fail "gcc failed"
pgbench_scripts

admin_port="$(free_port)"
mock_start mock "$root/bench/lib/bench.yaml" "-Xmx128m" "" "--admin-port $admin_port"
canned_start ceiling
mock="$(mock_pid mock)"
ceiling="$(cat "$work/ceiling.pid")"
dropped() {
    curl -fsS -o /dev/null -D - "http://127.0.0.1:$admin_port/journal?limit=1" \
        | awk -F': *' 'tolower($1) == "mockpg-journal-dropped" {gsub(/\r/, "", $2); print $2}'
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

heap_start="$(heap_used_mb "$mock")"
log "mockpg heap after GC at the start: $heap_start MB"

# one line a minute: elapsed s, RSS of both, dropped entries, then jstat -gc of mockpg
sampler() {
    local start=$SECONDS
    printf 'elapsed mock_rss_mb ceiling_rss_mb dropped %s\n' "$(jstat -gc "$mock" | head -1)"
    while kill -0 "$mock" 2>/dev/null; do
        printf '%s %s %s %s %s\n' "$((SECONDS - start))" "$(rss_mb "$mock")" "$(rss_mb "$ceiling")" \
            "$(dropped || echo -)" "$(jstat -gc "$mock" | tail -1)"
        sleep 60
    done
}
sampler >"$work/samples.txt" 2>&1 &
echo $! >"$work/sampler.pid"

run_pgbench() { # NAME
    pgbench -n -M prepared -c 50 -j 2 -T "$seconds" -P 60 -f "$work/select1.sql" \
        -h 127.0.0.1 -p "$(mock_port "$1")" -U app app >"$work/$1.pgbench" 2>&1
}
run_pgbench mock & bench_mock=$!
run_pgbench ceiling & bench_ceiling=$!
status=0
wait "$bench_mock" || { status=1; log "pgbench against mockpg failed: $(tail -3 "$work/mock.pgbench")"; }
wait "$bench_ceiling" || { status=1; log "pgbench against the ceiling failed: $(tail -3 "$work/ceiling.pgbench")"; }

kill -0 "$mock" 2>/dev/null || fail "mockpg died: $(tail -5 "$work/mock.log")"
heap_end="$(heap_used_mb "$mock")"
gc_end="$(jstat -gc "$mock" | tail -1)"
dropped_end="$(dropped || echo -)"
rss_end="$(rss_mb "$mock")"
kill "$(cat "$work/sampler.pid")" 2>/dev/null || true; rm -f "$work/sampler.pid"
mock_stop mock

# progress lines: "progress: 60.0 s, 12345.6 tps, lat ..."
minute_tps() { awk '/^progress:/ {print $4}' "$work/$1.pgbench" | sed -n "$2"; }
failed_tx() { awk '/number of failed transactions/ {print $5}' "$work/$1.pgbench"; }
total_tx() { awk '/number of transactions actually processed/ {print $NF}' "$work/$1.pgbench"; }
mock_first="$(minute_tps mock 1p)"; mock_last="$(minute_tps mock '$p')"
ceiling_first="$(minute_tps ceiling 1p)"; ceiling_last="$(minute_tps ceiling '$p')"
gct="$(echo "$gc_end" | awk '{print $NF}')"
{
    echo "hour.sh: $seconds s, pgbench -n -M prepared -c 50 -j 2 -P 60 -f select1.sql, each server"
    echo "mockpg  TPS first minute ${mock_first:-?}, last minute ${mock_last:-?}; transactions $(total_tx mock), failed $(failed_tx mock)"
    echo "ceiling TPS first minute ${ceiling_first:-?}, last minute ${ceiling_last:-?}; transactions $(total_tx ceiling), failed $(failed_tx ceiling)"
    echo "mockpg/ceiling first minute $(ratio "${mock_first:--}" "${ceiling_first:--}"), last minute $(ratio "${mock_last:--}" "${ceiling_last:--}")"
    echo "mockpg heap after GC: start $heap_start MB, end $heap_end MB; GC time total ${gct} s; RSS end $rss_end MB; journal dropped $dropped_end"
    echo "mockpg per-minute TPS: $(awk '/^progress:/ {printf "%.0f ", $4}' "$work/mock.pgbench")"
    echo "ceiling per-minute TPS: $(awk '/^progress:/ {printf "%.0f ", $4}' "$work/ceiling.pgbench")"
} | tee "$work/summary.txt"
exit "$status"
