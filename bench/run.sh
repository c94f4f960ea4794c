#!/usr/bin/env bash
# Side-by-side benchmarks of mockpg against a real PostgreSQL 15 on this machine.
#
#   bench/run.sh            full run (about 15 minutes)
#   bench/run.sh --quick    shorter runs, 1,000,000 streamed rows (about 5 minutes)
#   bench/run.sh --smoke    each benchmark for a second or two, mockpg only; exits non-zero
#                           only when a benchmark fails to execute (for CI)
#
# Builds nothing: expects mockpg-core/target/mockpg.jar and mockpg-junit5/target/classes
# (mvn -DskipTests package). Resolves pgjdbc and the JUnit launcher through bench/pom.xml,
# compiles the programs under bench/java and bench/native into a temporary directory.
# Needs pgbench, psql, the PostgreSQL server binaries (pg_config --bindir), taskset, jcmd,
# gcc and python3. As root, PostgreSQL runs as the `postgres` system user.
#
# A/B runs are interleaved (PostgreSQL, mockpg, PostgreSQL, …) and medians reported, because
# absolute figures drift on shared machines. PostgreSQL keeps its defaults except what the
# benchmark needs: listen on 127.0.0.1 and its own port, max_connections = 1100.
set -euo pipefail

mode=full
case "${1:-}" in
    --quick) mode=quick ;;
    --smoke) mode=smoke ;;
    "") ;;
    *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/mockpg-core/target/mockpg.jar"
junit_classes="$root/mockpg-junit5/target/classes"
for f in "$jar" "$junit_classes"; do
    [ -e "$f" ] || { echo "missing $f: run mvn -DskipTests package first" >&2; exit 2; }
done

case "$mode" in
    full)  secs=10; reps=3; lat_secs=10; rows=10000000; conns=1000; start_reps=5; pg_start_reps=3; junit_reps=9; load_rules=10000; load_reps=5 ;;
    quick) secs=3;  reps=3; lat_secs=3;  rows=1000000;  conns=1000; start_reps=3; pg_start_reps=1; junit_reps=5; load_rules=10000; load_reps=3 ;;
    smoke) secs=1;  reps=1; lat_secs=1;  rows=100000;   conns=50;   start_reps=1; pg_start_reps=0; junit_reps=1; load_rules=1000;  load_reps=1 ;;
esac
with_pg=true; [ "$mode" != smoke ] || with_pg=false

work="$(mktemp -d /tmp/mockpg-bench.XXXXXX)"
chmod 755 "$work"
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)"
source "$root/bench/lib/common.sh"
trap cleanup EXIT
# private copies: a rebuild during the run must not change classes under running servers
cp "$jar" "$work/mockpg.jar"; jar="$work/mockpg.jar"
cp -r "$junit_classes" "$work/junit5-classes"; junit_classes="$work/junit5-classes"

log "mode $mode; work directory $work"
prepare_programs

# ---------------------------------------------------------------------------------------
# Servers
bench_script="$root/bench/lib/bench.yaml"
pgbench_scripts

mock_start main "$bench_script"
canned_start ceiling
if $with_pg; then
    pg_init "$work/pg"
    pg_start "$work/pg"
    pg_psql -c "CREATE TABLE bench_users (id int PRIMARY KEY, name text NOT NULL)" \
        -c "INSERT INTO bench_users SELECT g, 'user ' || g FROM generate_series(1, 1000) g" \
        -c "VACUUM ANALYZE bench_users" >/dev/null
fi

# ---------------------------------------------------------------------------------------
# Throughput: pgbench -c 8 -j 2, two scripts × three protocols
log "throughput"
for script in select1 user; do
    for protocol in simple extended prepared; do
        # warm-up (JIT, caches), not measured
        [ "$mode" = smoke ] || { bench_tps main "$protocol" "$script" 3 >/dev/null; ! $with_pg || bench_tps pg "$protocol" "$script" 3 >/dev/null; }
        # the ceiling answers every statement as SELECT 1 would be answered: run it beside that script only
        with_ceiling=false; [ "$script" != select1 ] || with_ceiling=true
        pg_runs=(); mock_runs=(); ceiling_runs=()
        for ((i = 0; i < reps; i++)); do
            ! $with_pg || pg_runs+=("$(bench_tps pg "$protocol" "$script" "$secs")")
            mock_runs+=("$(bench_tps main "$protocol" "$script" "$secs")")
            ! $with_ceiling || ceiling_runs+=("$(bench_tps ceiling "$protocol" "$script" "$secs")")
        done
        pg_tps="$(median "${pg_runs[@]:-}")"; mock_tps="$(median "${mock_runs[@]}")"
        record_higher "throughput $script -M $protocol (TPS)" "$pg_tps" "$mock_tps" 1.5
        if $with_ceiling; then
            ceiling_tps="$(median "${ceiling_runs[@]}")"
            share="$(awk -v m="$mock_tps" -v c="$ceiling_tps" 'BEGIN {printf "%.0f", 100 * m / c}')"
            record_row "↳ ceiling: C server answering from canned bytes (TPS); mockpg reaches $share % of it" \
                "$pg_tps" "$ceiling_tps" "$(ratio "$ceiling_tps" "$pg_tps")" "(reference)" "-"
        fi
    done
done

# Where the CPU goes in the one figure both servers answer cheapest, SELECT 1 -M prepared. The
# two CPUs are shared by the server, the kernel's loopback TCP and pgbench: the share of a
# mockpg transaction's CPU that is mockpg's own (Java, user time) bounds what any further work on
# its code can add to the ratio
log "cpu per transaction"
read -r mock_user mock_kernel mock_client _ <<<"$(bench_cpu main prepared select1 "$secs")"
pg_user="-"; pg_kernel="-"; pg_client="-"
if $with_pg; then
    read -r pg_user pg_kernel pg_client _ <<<"$(bench_cpu pg prepared select1 "$secs")"
fi
read -r ceiling_user ceiling_kernel ceiling_client _ <<<"$(bench_cpu ceiling prepared select1 "$secs")"
java_share="$(awk -v u="$mock_user" -v k="$mock_kernel" -v c="$mock_client" 'BEGIN {printf "%.0f %%", 100 * u / (u + k + c)}')"
record_row "select1 -M prepared CPU µs per transaction, server user + kernel" "$pg_user + $pg_kernel" \
    "$mock_user + $mock_kernel" "-" "(reference)" "-"
record_row "select1 -M prepared CPU µs per transaction, pgbench" "$pg_client" "$mock_client" "-" "(reference)" "-"
record_row "↳ ceiling's CPU µs per transaction: server user + kernel, pgbench" "-" \
    "$ceiling_user + $ceiling_kernel, $ceiling_client" "-" "(reference)" "-"
record_row "select1 -M prepared: mockpg's own (user) share of server + pgbench CPU" "-" "$java_share" "-" \
    "(reference)" "-"

# ---------------------------------------------------------------------------------------
# Rule scale: one matching rule among 10,000 vs among 10
log "rule scale"
rules_script 10 >"$work/rules10.yaml"
rules_script 10000 >"$work/rules10000.yaml"
mock_start rules10 "$work/rules10.yaml"
mock_start rules10000 "$work/rules10000.yaml"
[ "$mode" = smoke ] || { bench_tps rules10 prepared user 5 >/dev/null; bench_tps rules10000 prepared user 5 >/dev/null; }
# the rounds alternate which server goes first, so a drift of the host's speed during the
# runs does not land on one of them
small=(); large=()
for ((i = 0; i < reps; i++)); do
    if ((i % 2 == 0)); then
        small+=("$(bench_tps rules10 prepared user "$secs")")
        large+=("$(bench_tps rules10000 prepared user "$secs")")
    else
        large+=("$(bench_tps rules10000 prepared user "$secs")")
        small+=("$(bench_tps rules10 prepared user "$secs")")
    fi
done
small_tps="$(median "${small[@]}")"; large_tps="$(median "${large[@]}")"
record_row "rule scale pgbench TPS 10 rules / 10,000 rules" "-" "$small_tps / $large_tps" \
    "$(ratio "$small_tps" "$large_tps")" "≤ 1.2" "$(le "$(ratio "$small_tps" "$large_tps")" 1.2)"
mock_stop rules10; mock_stop rules10000
ops=200000; [ "$mode" != smoke ] || ops=5000
# a fixed, pre-touched heap: otherwise the heap grows during the run and the page faults of its
# fresh memory land in whichever setup's rounds happen to be running (ratios from 0.7 to 1.8)
in_process="$(java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp "$cp" io.mockpg.bench.RuleScaleBench "$ops" 2>&1 | tee "$work/rulescale.log" | awk '/rule-scale-ratio/ {print $2}')"
[ -n "$in_process" ] || fail "RuleScaleBench: $(tail -3 "$work/rulescale.log")"
ns10="$(awk '/^10 rules:/ {print $3}' "$work/rulescale.log")"; ns10k="$(awk '/^10000 rules:/ {print $3}' "$work/rulescale.log")"
record_row "rule scale in-process answer ns 10,000 / 10 rules" "-" "$ns10k / $ns10" "$in_process" "≤ 1.2" \
    "$(le "$in_process" 1.2)"

# ---------------------------------------------------------------------------------------
# Streaming: (int8, text) rows read by pgjdbc (fetch size 1000) and by psql; mockpg -Xmx64m
log "streaming $rows rows"
cat >"$work/stream.yaml" <<YAML
rules:
  - id: stream
    match: { sql: "SELECT g, label FROM stream_rows" }
    respond:
      columns: [{ g: int8 }, { label: text }]
      rows: [["{{row}}", "row {{row}}"]]
      repeat: $rows
YAML
mock_start stream "$work/stream.yaml" -Xmx64m
pg_stream_sql="SELECT g::int8, 'row ' || g FROM generate_series(1, $rows) g"
mock_stream_sql="SELECT g, label FROM stream_rows"
jdbc_pg=(); jdbc_mock=(); psql_pg=(); psql_mock=()
rss_sampler_start "$(mock_pid stream)"
for ((i = 0; i < reps; i++)); do
    ! $with_pg || jdbc_pg+=("$(stream_jdbc "jdbc:postgresql://127.0.0.1:$pg_port/postgres" postgres "$pg_stream_sql")")
    jdbc_mock+=("$(stream_jdbc "jdbc:postgresql://127.0.0.1:$(mock_port stream)/app" app "$mock_stream_sql")")
    ! $with_pg || psql_pg+=("$(stream_psql "$pg_port" postgres "$pg_stream_sql")")
    psql_mock+=("$(stream_psql "$(mock_port stream)" app "$mock_stream_sql")")
done
rss_sampler_stop
record_higher "streaming pgjdbc fetch 1000 (rows/s)" "$(median "${jdbc_pg[@]:-}")" "$(median "${jdbc_mock[@]}")" 1.0
record_higher "streaming psql (rows/s)" "$(median "${psql_pg[@]:-}")" "$(median "${psql_mock[@]}")" 1.0
oom=no; ! grep -q OutOfMemoryError "$work/stream.log" || oom=yes
record_row "streaming mockpg OutOfMemoryError (-Xmx64m)" "-" "$oom" "-" "no" "$([ $oom = no ] && echo yes || echo NO)"
record_row "streaming mockpg RSS MB, peak 1st half → 2nd half" "-" "$rss_first → $rss_max" \
    "$(ratio "$rss_max" "$rss_first")" "flat (≤ 1.1)" "$(le "$(ratio "$rss_max" "$rss_first")" 1.1)"
mock_stop stream

# ---------------------------------------------------------------------------------------
# Connections: N idle sessions, then one query each; server heap after GC before/after
log "connections: $conns idle sessions"
conn_figures mock "jdbc:postgresql://127.0.0.1:$(mock_port main)/app" app "$(mock_pid main)"
mock_answered="$answered"; heap_added="$heap_added_mb"
if $with_pg; then
    conn_figures pg "jdbc:postgresql://127.0.0.1:$pg_port/postgres" postgres ""
    pg_answered="$answered"
else
    pg_answered="-"
fi
record_row "connections: queries answered of $conns" "$pg_answered" "$mock_answered" "-" "all" \
    "$([ "$mock_answered" = "$conns" ] && echo yes || echo NO)"
record_row "connections: server heap added (MB)" "-" "$heap_added" "-" "≤ 50" "$(le "$heap_added" 50)"

# ---------------------------------------------------------------------------------------
# Latency: one client, client and server pinned to CPU 0; the loopback floor beside them
log "latency (pinned to CPU 0)"
mock_stop main
mock_start latency "$bench_script" "" "taskset -c 0"
if $with_pg; then pg_stop "$work/pg"; pg_start "$work/pg" "taskset -c 0"; fi
[ "$mode" = smoke ] || { bench_latency latency 3 >/dev/null; ! $with_pg || bench_latency pg 3 >/dev/null; }
lat_pg=(); lat_mock=()
for ((i = 0; i < reps; i++)); do
    ! $with_pg || lat_pg+=("$(bench_latency pg "$lat_secs")")
    lat_mock+=("$(bench_latency latency "$lat_secs")")
done
floor="$(echo_floor "$lat_secs")"
record_lower "latency -c 1 -M prepared, mean µs (floor $floor µs)" "$(median "${lat_pg[@]:-}")" \
    "$(median "${lat_mock[@]}")" 1.0
mock_stop latency
! $with_pg || pg_stop "$work/pg"

# ---------------------------------------------------------------------------------------
# Start
log "start"
pg_starts=()
for ((i = 0; i < pg_start_reps; i++)); do pg_starts+=("$(pg_fresh_start "$work/pgstart$i")"); done
pg_start_ms="$(median "${pg_starts[@]:-}")"
# a server already up in another process: what a fresh JVM's pgjdbc needs for its first SELECT 1
# without any server start, and the server whose query loads the driver for the `first` row
mock_start driver "$bench_script"
driver_port="$(mock_port driver)"
fresh=(); client=(); jar_start=()
for ((i = 0; i < start_reps; i++)); do
    fresh+=("$(until_ms ready java -cp "$cp" io.mockpg.bench.StartBench fresh)")
    client+=("$(until_ms ready java -cp "$cp" io.mockpg.bench.StartBench client "$driver_port")")
    jar_start+=("$(until_ms listening java -jar "$jar" --port 0)")
done
warm="$(java -cp "$cp" io.mockpg.bench.StartBench warm 20 2>"$work/warm.log" | awk '/warm-start-ms/ {print $2}')"
[ -n "$warm" ] || fail "StartBench warm: $(tail -3 "$work/warm.log")"
# the first statement once the server is up, the driver loaded by a query to another process
first=()
for ((i = 0; i < start_reps; i++)); do
    first+=("$(java -cp "$cp" io.mockpg.bench.StartBench first "$driver_port" 2>>"$work/first.log" \
        | awk '/first-query-ms/ {print $2}')")
    [ -n "${first[-1]}" ] || fail "StartBench first: $(tail -3 "$work/first.log")"
done
mock_stop driver
record_abs "start: fresh JVM until SELECT 1 (ms) vs initdb+start" "$pg_start_ms" "$(median "${fresh[@]}")" 500
record_row "↳ the client's own part: fresh JVM until SELECT 1 to a server already up in another process (ms)" "-" \
    "$(median "${client[@]}")" "-" "(reference)" "-"
record_abs "start: warm JVM until SELECT 1 (ms, median of 20)" "$pg_start_ms" "$warm" 50
record_abs "start: java -jar until listening (ms)" "$pg_start_ms" "$(median "${jar_start[@]}")" 500
record_row "start: fresh JVM, first SELECT 1 once the server is up, driver loaded (ms)" "-" "$(median "${first[@]}")" \
    "-" "(reference)" "-"

# ---------------------------------------------------------------------------------------
# Script load: a recorded-style script of many rules vs an empty one, fresh JVM and warm, beside
# SnakeYAML's own compose of the same file (the floor of any loader built on it)
log "script load: $load_rules rules"
python3 "$root/bench/lib/recorded_script.py" "$load_rules" >"$work/recorded.yaml"
printf 'rules: []\n' >"$work/empty.yaml"
java -cp "$cp" io.mockpg.bench.ScriptLoadBench "$jar" "$work/recorded.yaml" "$work/empty.yaml" "$load_reps" \
    >"$work/scriptload.log" 2>&1 || fail "ScriptLoadBench: $(tail -3 "$work/scriptload.log")"
read -r fresh_empty fresh_script fresh_added fresh_floor <<<"$(awk '/^script-load fresh/ {print $3, $5, $7, $9}' "$work/scriptload.log")"
read -r warm_empty warm_script warm_added warm_floor <<<"$(awk '/^script-load warm/ {print $3, $5, $7, $9}' "$work/scriptload.log")"
record_row "script load: $load_rules-rule recorded script, fresh JVM ms added to java -jar ($fresh_empty → $fresh_script); SnakeYAML floor $fresh_floor" \
    "-" "$fresh_added" "$(ratio "$fresh_added" "$fresh_floor") × floor" "≤ 1000 ms" "$(le "$fresh_added" 1000)"
record_row "script load: $load_rules-rule recorded script, warm JVM ms added to MockPgServer start; SnakeYAML floor $warm_floor" \
    "-" "$warm_added" "$(ratio "$warm_added" "$warm_floor") × floor" "≤ 150 ms" "$(le "$warm_added" 150)"

# ---------------------------------------------------------------------------------------
# JUnit: a class with @MockPg and one trivial test vs the same class without it, and, for
# reference, the same class with a bare Netty server bound the usual way, waiting for its event
# loops (mockpg binds the port itself and sets Netty up in the background)
log "junit overhead"
with=(); without=(); netty=()
for ((i = 0; i < junit_reps; i++)); do
    without+=("$(junit_ms without)")
    with+=("$(junit_ms with)")
    netty+=("$(junit_ms netty)")
done
with_ms="$(median "${with[@]}")"; without_ms="$(median "${without[@]}")"; netty_ms="$(median "${netty[@]}")"
added="$(awk -v a="$with_ms" -v b="$without_ms" 'BEGIN {printf "%.1f", a - b}')"
netty_added="$(awk -v a="$netty_ms" -v b="$without_ms" 'BEGIN {printf "%.1f", a - b}')"
record_row "JUnit: @MockPg class run ms (with - without)" "-" "$with_ms - $without_ms = $added" "-" "≤ 100 added" \
    "$(le "$added" 100)"
record_row "JUnit: bare Netty server class run ms (with - without), bound in place" "-" \
    "$netty_ms - $without_ms = $netty_added" "-" "(reference)" "-"
warm_added="$(java -cp "$cp" io.mockpg.bench.JUnitOverheadBench warm 20 2>"$work/junit-warm.log" \
    | awk '/junit-warm-added-ms/ {print $2}')"
[ -n "$warm_added" ] || fail "JUnitOverheadBench warm: $(tail -3 "$work/junit-warm.log")"
record_row "JUnit: @MockPg class in a warm JVM, ms added (median of 20)" "-" "$warm_added" "-" "≤ 100 added" \
    "$(le "$warm_added" 100)"

print_table
