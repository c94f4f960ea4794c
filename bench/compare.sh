#!/usr/bin/env bash
# Two builds of the standalone server side by side: is a change a throughput or start regression?
#
#   bench/compare.sh [--rounds N] [--seconds S] OLD.jar NEW.jar
#
# In the same session, interleaved (the rounds alternate which build goes first), so a drift of
# a shared machine's speed does not land on one of them:
#   - pgbench -n -c 4 -j 2 -T S (default 5) with SELECT 1 in -M simple, extended and prepared
#     against both builds and the C ceiling (bench/native/cannedpg.c), N rounds (default 5)
#     after a 3 s warm-up of each: median TPS, and each build's share of the ceiling's median;
#   - each build's CPU per transaction (user + kernel, /proc/PID/stat) in those same runs: less
#     noisy than TPS where other work shares the CPUs;
#   - bytes allocated per transaction by the event loops, with escape analysis off so that the
#     figure counts every object the code creates and does not move with the JIT's progress
#     (JFR's jdk.ThreadAllocationStatistics; pgbench -M prepared -t 25000 per client after
#     600,000 warm-up transactions);
#   - the start figure of bench/run.sh: a fresh JVM from spawn until MockPgServer.builder().start()
#     has answered a pgjdbc SELECT 1 (bench/java/.../StartBench fresh), N rounds.
# Builds nothing: give it two jars (mvn -DskipTests package leaves mockpg-core/target/mockpg.jar).
set -euo pipefail

rounds=5 secs=5
while [ $# -gt 2 ]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --seconds) secs="$2"; shift 2 ;;
        *) break ;;
    esac
done
[ $# -eq 2 ] && [ -f "$1" ] && [ -f "$2" ] || { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/mockpg-compare.XXXXXX)"
# private copies: a rebuild during the run must not change classes under running servers
cp "$1" "$work/old.jar"; cp "$2" "$work/new.jar"
jar="$work/new.jar" junit_classes="" mode=compare conns=0 rows=0 with_pg=false
source "$root/bench/lib/common.sh"
trap cleanup EXIT
ulimit -n 8192 2>/dev/null || true

external="$work/external-classpath.txt"
(cd "$root" && { mvn -q -o -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$external" >/dev/null 2>&1 \
    || mvn -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$external" >/dev/null; }) \
    || fail "could not resolve bench/pom.xml dependencies"
mkdir -p "$work/classes"
javac -nowarn -d "$work/classes" -cp "$work/new.jar:$(cat "$external")" "$root/bench/java/io/mockpg/bench/StartBench.java" \
    || fail "javac failed"
gcc -O2 -pthread -o "$work/cannedpg" "$root/bench/native/cannedpg.c" || fail "gcc failed"
pgbench_scripts

# build_start NAME JAR [JVM_OPTIONS]: the bench's script, as many sessions as pgbench needs
# (a build without --max-connections has no limit)
build_start() {
    local name="$1" build="$2" jvm="${3:-}" limit=""
    java -jar "$build" --help 2>&1 | grep -q -- --max-connections && limit="--max-connections 1100"
    rm -f "$work/$name.port"
    # shellcheck disable=SC2086
    java $jvm -jar "$build" --script "$root/bench/lib/bench.yaml" --port 0 --port-file "$work/$name.port" $limit \
        >"$work/$name.log" 2>&1 &
    echo $! >"$work/$name.pid"
    await_listening "$name" "mockpg $name" 60 test -s "$work/$name.port"
}

# run NAME PROTOCOL [SECONDS] -> "TPS CPU-µs-per-transaction" (CPU: the server's user + kernel)
run() {
    local name="$1" protocol="$2" seconds="${3:-$secs}" pid before after out tick
    pid="$(mock_pid "$name")" tick="$(getconf CLK_TCK)"
    before="$(cpu_ticks "$pid")"
    out="$(pgbench -n -c 4 -j 2 -T "$seconds" -M "$protocol" -f "$work/select1.sql" -h 127.0.0.1 -p "$(mock_port "$name")" \
        -U app app 2>&1)" || fail "pgbench against $name ($protocol): $(echo "$out" | tail -5)"
    after="$(cpu_ticks "$pid")"
    echo "$out" | awk -v b="$before" -v a="$after" -v tick="$tick" '
        /number of transactions actually processed/ { split($NF, n, "/"); tx = n[1] }
        /^tps/ { tps = $3 }
        END { split(b, B, " "); split(a, A, " ")
              printf "%.0f %.2f", tps, (A[1] + A[2] - B[1] - B[2]) / tick * 1e6 / tx }'
}

# alloc_per_tx NAME -> bytes the event loops allocated per transaction (pgbench -M prepared)
alloc_per_tx() {
    local name="$1" pid port i
    pid="$(mock_pid "$name")" port="$(mock_port "$name")"
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<configuration version="2.0"><event name="jdk.ThreadAllocationStatistics"><setting name="enabled">true</setting><setting name="period">everyChunk</setting></event></configuration>\n' \
        >"$work/alloc.jfc"
    for ((i = 0; i < 6; i++)); do
        pgbench -n -c 4 -j 2 -t 25000 -M prepared -f "$work/select1.sql" -h 127.0.0.1 -p "$port" -U app app >/dev/null 2>&1
    done
    jcmd "$pid" JFR.start name=alloc settings="$work/alloc.jfc" >/dev/null
    pgbench -n -c 4 -j 2 -t 25000 -M prepared -f "$work/select1.sql" -h 127.0.0.1 -p "$port" -U app app >/dev/null 2>&1 \
        || fail "pgbench against $name for the allocation figure"
    jcmd "$pid" JFR.stop name=alloc filename="$work/$name.jfr" >/dev/null
    jfr print --json --events jdk.ThreadAllocationStatistics "$work/$name.jfr" | python3 -c '
import json, sys
first, last = {}, {}
for event in json.load(sys.stdin)["recording"]["events"]:
    values = event["values"]
    thread = (values.get("thread") or {}).get("javaName") or ""
    if thread.startswith("epollEventLoop") or thread.startswith("nioEventLoop"):
        first.setdefault(thread, values["allocated"])
        last[thread] = values["allocated"]
print("%.0f" % (sum(last[t] - first[t] for t in first) / 100000))'
}

printf '| figure | old | new | new / old |\n|---|---|---|---|\n' >"$work/table"
row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$(ratio "$3" "$2")" >>"$work/table"; }

log "throughput: $rounds rounds of $secs s per protocol"
build_start old "$work/old.jar"
build_start new "$work/new.jar"
canned_start ceiling
for protocol in simple extended prepared; do
    for name in old new ceiling; do run "$name" "$protocol" 3 >/dev/null; done # warm-up, not measured
    old_tps=() new_tps=() old_cpu=() new_cpu=() ceiling_tps=()
    for ((i = 0; i < rounds; i++)); do
        order="old new"; ((i % 2 == 0)) || order="new old"
        for name in $order; do
            read -r tps cpu <<<"$(run "$name" "$protocol")"
            if [ "$name" = old ]; then old_tps+=("$tps"); old_cpu+=("$cpu"); else new_tps+=("$tps"); new_cpu+=("$cpu"); fi
        done
        read -r tps _ <<<"$(run ceiling "$protocol")"
        ceiling_tps+=("$tps")
        log "$protocol round $((i + 1)): old ${old_tps[-1]}, new ${new_tps[-1]}, ceiling $tps TPS"
    done
    old_m="$(median "${old_tps[@]}")" new_m="$(median "${new_tps[@]}")" ceiling_m="$(median "${ceiling_tps[@]}")"
    row "select1 -M $protocol TPS, median (ceiling $ceiling_m)" "$old_m" "$new_m"
    row "↳ share of the ceiling (%)" "$(awk -v m="$old_m" -v c="$ceiling_m" 'BEGIN {printf "%.0f", 100 * m / c}')" \
        "$(awk -v m="$new_m" -v c="$ceiling_m" 'BEGIN {printf "%.0f", 100 * m / c}')"
    row "↳ server CPU µs per transaction, median" "$(median "${old_cpu[@]}")" "$(median "${new_cpu[@]}")"
done
mock_stop old; mock_stop new; mock_stop ceiling

log "allocation per transaction (escape analysis off)"
build_start old "$work/old.jar" "-XX:-DoEscapeAnalysis"
build_start new "$work/new.jar" "-XX:-DoEscapeAnalysis"
row "select1 -M prepared bytes allocated per transaction" "$(alloc_per_tx old)" "$(alloc_per_tx new)"
mock_stop old; mock_stop new

log "start: $rounds fresh JVMs each"
pgjdbc="$(cat "$external")"
old_start=() new_start=()
for ((i = 0; i < rounds; i++)); do
    order="old new"; ((i % 2 == 0)) || order="new old"
    for name in $order; do
        ms="$(until_ms ready java -cp "$work/classes:$work/$name.jar:$pgjdbc" io.mockpg.bench.StartBench fresh)"
        if [ "$name" = old ]; then old_start+=("$ms"); else new_start+=("$ms"); fi
    done
done
row "start: fresh JVM until SELECT 1 (ms), median" "$(median "${old_start[@]}")" "$(median "${new_start[@]}")"

echo
echo "bench/compare.sh --rounds $rounds --seconds $secs $1 $2"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo
cat "$work/table"
