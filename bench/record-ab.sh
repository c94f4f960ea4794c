#!/usr/bin/env bash
# Recorders of several builds side by side, beside PgBouncer (docs/performance.md, the
# recorder's fourth run): the quick way to tell whether a change to the recorder helps.
#
#   bench/record-ab.sh NAME=JAR[:JVM-OPTIONS] ... [-- CASE ...]
#       NAME=JAR     a recorder from that jar; JVM options separated by commas
#                    (base=/tmp/a.jar new=/tmp/b.jar one=/tmp/b.jar:-XX:ActiveProcessorCount=1)
#       NAME=forwarder  the recorder's ceiling: a bare Netty forwarder (bench/java), run
#                    with mockpg-core/target/mockpg.jar
#       CASE         PROTOCOL:SCRIPT, e.g. prepared:select1 simple:user (default: both)
#
# Each recorder records its own script from the same upstream. Per case: every target warmed
# WARM seconds (default 10), then ROUNDS (5) interleaved rounds of SECONDS_EACH (5) s of pgbench
# -c 8 -j 2 in alternating order, medians, the ratio to PgBouncer; then for each target its
# CPU per transaction (server user + kernel, pgbench) and its context switches per
# transaction (voluntary: it slept in epoll_wait; involuntary: it was preempted). Needs what
# bench/record.sh needs; the upstream is tools/postgres.sh's PostgreSQL.
set -euo pipefail

specs=() cases=()
while [ $# -gt 0 ]; do
    case "$1" in
        --) shift; cases=("$@"); break ;;
        *=*) specs+=("$1"); shift ;;
        *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
[ ${#specs[@]} -gt 0 ] || { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ ${#cases[@]} -gt 0 ] || cases=(prepared:select1 simple:user)
secs="${SECONDS_EACH:-5}" reps="${ROUNDS:-5}" warm="${WARM:-10}"

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="" junit_classes="" mode=record conns=0 rows=0 with_pg=true
work="$(mktemp -d /tmp/mockpg-record-ab.XXXXXX)"
chmod 755 "$work"
source "$root/bench/lib/common.sh"
trap cleanup EXIT
export PGSSLMODE=disable
"$root/tools/postgres.sh" start >/dev/null
UP_HOST=127.0.0.1 UP_PORT=54329 UP_USER=app UP_PASSWORD=app-secret UP_DB=bench_record
export PGPASSWORD="$UP_PASSWORD"
psql -X -q -h "$UP_HOST" -p "$UP_PORT" -U "$UP_USER" -d "$UP_DB" -v ON_ERROR_STOP=1 -c "SELECT 1 FROM bench_users LIMIT 1" \
    >/dev/null || fail "run bench/record.sh once first: it creates the database $UP_DB and its table"
pgbench_scripts

pgbouncer_start bouncer
names=(bouncer)
for spec in "${specs[@]}"; do
    name="${spec%%=*}" rest="${spec#*=}"
    if [ "$rest" = forwarder ]; then
        jar="$root/mockpg-core/target/mockpg.jar"
        forwarder_start "$name"
        names+=("$name")
        continue
    fi
    jar="${rest%%:*}" options=""
    [ "$rest" = "$jar" ] || options="${rest#*:}"
    [ -e "$jar" ] || fail "no such jar: $jar"
    recorder_start "$name" "$work/$name.yaml" "${options//,/ }"
    names+=("$name")
done

echo "recorders beside PgBouncer, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pgbench -n -c 8 -j 2 -T $secs, medians of $reps rounds (order alternating)"
for case in "${cases[@]}"; do
    protocol="${case%%:*}" script="${case#*:}"
    for name in "${names[@]}"; do bench_tps "$name" "$protocol" "$script" "$warm" >/dev/null; done
    declare -A runs=()
    for ((i = 0; i < reps; i++)); do
        order=("${names[@]}")
        ((i % 2 == 0)) || mapfile -t order < <(printf '%s\n' "${names[@]}" | tac)
        for name in "${order[@]}"; do runs[$name]+=" $(bench_tps "$name" "$protocol" "$script" "$secs")"; done
    done
    echo
    echo "$script -M $protocol"
    bouncer="$(median ${runs[bouncer]})"
    for name in "${names[@]}"; do
        read -r user kernel client voluntary involuntary <<<"$(bench_cpu "$name" "$protocol" "$script" "$secs")"
        tps="$(median ${runs[$name]})"
        printf '  %-10s %7d TPS  %s x PgBouncer  CPU us/tx %s + %s (pgbench %s)  switches/tx %s + %s  rounds:%s\n' \
            "$name" "$tps" "$(ratio "$tps" "$bouncer")" "$user" "$kernel" "$client" "$voluntary" "$involuntary" "${runs[$name]}"
    done
    unset runs
done
for name in "${names[@]}"; do mock_stop "$name"; done
