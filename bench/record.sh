#!/usr/bin/env bash
# The recorder under load (docs/recording.md, docs/performance.md): its throughput beside
# PostgreSQL's and PgBouncer's, and a long recording's heap and script.
#
#   bench/record.sh [throughput|heap|all] [SECONDS [ROUNDS]]
#       throughput   pgbench -c 8 -j 2 with SELECT 1 and the parameterized select, -M simple,
#                    extended and prepared, against PostgreSQL directly, through PgBouncer
#                    (session pooling), through a bare Netty forwarder (the recorder's
#                    ceiling) and through `mockpg record` while it records; rounds
#                    interleaved, alternating the order; medians; default 10 s, 5 rounds
#       heap         60 s of pgbench -M extended through a recorder at -Xmx128m, the select's
#                    parameter taking 1,000 values: its heap after GC at the start, after 30 s
#                    and at the end, the written script's size and rules, then that script
#                    served by mockpg and pgbench run against it (0 failures)
#       all          both (the default)
#
# Builds nothing: expects mockpg-core/target/mockpg.jar (mvn -DskipTests package). Needs
# pgbench, psql, pgbouncer (Debian's package; run here with its own ini, never the service)
# and jcmd. The upstream is the PostgreSQL of tools/postgres.sh (started if needed), unless
# UP_HOST UP_PORT UP_USER UP_PASSWORD UP_DB name another one; its database UP_DB (default
# bench_record) gets the table bench_users (1,000 rows) if it lacks it.
set -euo pipefail

what="${1:-all}"
case "$what" in
    throughput | heap | all) ;;
    *) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
secs="${2:-10}"
reps="${3:-5}"

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/mockpg-core/target/mockpg.jar"
[ -e "$jar" ] || { echo "missing $jar: run mvn -DskipTests package first" >&2; exit 2; }
command -v pgbouncer >/dev/null || { echo "pgbouncer is not installed (apt-get install pgbouncer)" >&2; exit 2; }
junit_classes="" mode=record conns=0 rows=0 with_pg=true

work="$(mktemp -d /tmp/mockpg-record-bench.XXXXXX)"
chmod 755 "$work"
source "$root/bench/lib/common.sh"
trap cleanup EXIT
cp "$jar" "$work/mockpg.jar"; jar="$work/mockpg.jar"
# every side in clear text: TLS would be one more layer on some paths only
export PGSSLMODE=disable

if [ -z "${UP_PORT:-}" ]; then
    "$root/tools/postgres.sh" start >/dev/null
    UP_HOST=127.0.0.1 UP_PORT=54329 UP_USER=app UP_PASSWORD=app-secret
fi
UP_HOST="${UP_HOST:-127.0.0.1}" UP_DB="${UP_DB:-bench_record}" UP_PASSWORD="${UP_PASSWORD:-}"
admin() { psql -X -q -h "$UP_HOST" -p "$UP_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
if [ -z "$(admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$UP_DB'")" ]; then
    admin -d postgres -c "CREATE DATABASE $UP_DB OWNER $UP_USER" 2>/dev/null || true
fi
PGPASSWORD="$UP_PASSWORD" psql -X -q -h "$UP_HOST" -p "$UP_PORT" -U "$UP_USER" -d "$UP_DB" -v ON_ERROR_STOP=1 \
    -c "CREATE TABLE IF NOT EXISTS bench_users (id int PRIMARY KEY, name text NOT NULL)" \
    -c "INSERT INTO bench_users SELECT g, 'user ' || g FROM generate_series(1, 1000) g ON CONFLICT DO NOTHING" \
    -c "ANALYZE bench_users" >/dev/null
echo "$UP_HOST $UP_PORT $UP_USER $UP_DB" >"$work/pg.target"
export PGPASSWORD="$UP_PASSWORD" # pgbench's own password toward PostgreSQL; PgBouncer and the recorder ignore it

pgbench_scripts

echo "mockpg record benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(psql -X -tAc 'SELECT version()' -h "$UP_HOST" -p "$UP_PORT" -U "$UP_USER" -d "$UP_DB" | cut -d, -f1); $(pgbouncer --version | head -1); $(java -version 2>&1 | head -1)"

# ---------------------------------------------------------------------------------------
throughput() {
    pgbouncer_start bouncer
    recorder_start recorder "$work/recorded.yaml"
    forwarder_start forwarder
    local targets=(pg bouncer forwarder recorder) script protocol i target
    echo
    echo "pgbench -n -c 8 -j 2 -T $secs, medians of $reps rounds (order alternating), TPS; the Netty forwarder"
    echo "(bench/java/io/mockpg/bench/NettyForwarder.java) is the recorder's ceiling: its forwarding without recording"
    echo
    echo "| figure | PostgreSQL | PgBouncer | Netty forwarder | recorder | recorder / PgBouncer | forwarder / PgBouncer | recorder / forwarder | target | met? |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    # the recorder's JIT compilation first, every statement shape for 10 s (on two busy CPUs C2 takes about
    # 20 s of load to settle), so that it lands in no round
    for script in select1 user; do
        for protocol in simple extended prepared; do bench_tps recorder "$protocol" "$script" 10 >/dev/null; done
    done
    for script in select1 user; do
        for protocol in simple extended prepared; do
            for target in "${targets[@]}"; do bench_tps "$target" "$protocol" "$script" 3 >/dev/null; done
            declare -A runs=([pg]="" [bouncer]="" [forwarder]="" [recorder]="")
            for ((i = 0; i < reps; i++)); do
                local order=("${targets[@]}")
                ((i % 2 == 0)) || order=(recorder forwarder bouncer pg)
                for target in "${order[@]}"; do
                    runs[$target]+=" $(bench_tps "$target" "$protocol" "$script" "$secs")"
                done
                log "$script -M $protocol round $((i + 1)): pg${runs[pg]##* } bouncer${runs[bouncer]##* }" \
                    "forwarder${runs[forwarder]##* } recorder${runs[recorder]##* }"
            done
            # shellcheck disable=SC2086
            local pg bouncer forwarder recorder r
            pg="$(median ${runs[pg]})"; bouncer="$(median ${runs[bouncer]})"; forwarder="$(median ${runs[forwarder]})"
            recorder="$(median ${runs[recorder]})"
            r="$(ratio "$recorder" "$bouncer")"
            echo "| $script -M $protocol | $pg | $bouncer | $forwarder | $recorder | $r | $(ratio "$forwarder" "$bouncer")" \
                "| $(ratio "$recorder" "$forwarder") | ≥ 1.0 | $(ge "$r" 1.0) |"
            unset runs
        done
    done
    # CPU per transaction: steadier than TPS on a shared host (the server's user + kernel time, /proc)
    local bu bk bc bv bn fu fk fc fv fn ru rk rc rv rn
    echo
    for script in select1 user; do
        read -r bu bk bc bv bn <<<"$(bench_cpu bouncer prepared "$script" "$secs")"
        read -r fu fk fc fv fn <<<"$(bench_cpu forwarder prepared "$script" "$secs")"
        read -r ru rk rc rv rn <<<"$(bench_cpu recorder prepared "$script" "$secs")"
        echo "$script -M prepared, CPU µs per transaction, user + kernel: PgBouncer $bu + $bk, forwarder $fu + $fk," \
            "recorder $ru + $rk (pgbench $bc, $fc, $rc); context switches per transaction, voluntary + involuntary:" \
            "PgBouncer $bv + $bn, forwarder $fv + $fn, recorder $rv + $rn"
    done
    mock_stop recorder
    mock_stop forwarder
    mock_stop bouncer
    echo
    echo "recorded while measured: $(grep -c '^  - match:' "$work/recorded.yaml") rules, $(wc -c <"$work/recorded.yaml") bytes"
}

# ---------------------------------------------------------------------------------------
heap() {
    local script="$work/long.yaml" pid start mid end rules size out
    recorder_start long "$script" "-Xmx128m"
    pid="$(mock_pid long)"
    start="$(heap_used_mb "$pid")"
    (sleep 30; heap_used_mb "$pid" >"$work/heap-mid") &
    local sampler=$!
    out="$(pgbench -n -c 8 -j 2 -T 60 -M extended -f "$work/user.sql" $(target_args long | awk '{print "-h", $1, "-p", $2, "-U", $3, $4}') 2>&1)" \
        || fail "pgbench through the recorder: $(echo "$out" | tail -5)"
    wait "$sampler"
    mid="$(cat "$work/heap-mid")"
    end="$(heap_used_mb "$pid")"
    local tx; tx="$(echo "$out" | awk '/number of transactions actually processed/ {split($NF, n, "/"); print n[1]}')"
    local failed; failed="$(echo "$out" | awk '/number of failed transactions/ {print $5}')"
    mock_stop long
    grep -q 'OutOfMemoryError' "$work/long.log" && fail "the recorder ran out of memory: $(grep -m1 OutOfMemoryError "$work/long.log")"
    rules="$(grep -c '^  - match:' "$script")"
    size="$(wc -c <"$script")"
    echo
    echo "60 s of pgbench -M extended -c 8 -j 2 through mockpg record -Xmx128m, \\set id random(1,1000):"
    echo "  $tx transactions, ${failed:-?} failed"
    echo "  recorder heap after GC: start $start MB, after 30 s $mid MB, end $end MB"
    echo "  script written: $rules rules, $size bytes"

    # the script replays: served by mockpg, pgbench with the same statement in every mode
    mock_start replay "$script"
    echo "127.0.0.1 $(mock_port replay) app app" >"$work/replay.target"
    local protocol tps
    for protocol in simple extended prepared; do
        tps="$(bench_tps replay "$protocol" user 10)" # fails on any failed transaction
        echo "  replay of that script, pgbench -M $protocol -T 10: $tps TPS, 0 failed"
    done
    mock_stop replay
}

case "$what" in
    throughput) throughput ;;
    heap) heap ;;
    all) throughput; heap ;;
esac
