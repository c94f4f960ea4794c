#!/usr/bin/env bash
# Differential suite: every client of the compatibility suite holds its conversation with a real
# PostgreSQL through `mockpg record`, then again with `mockpg serve` replaying that recording;
# each client's output must be the same in both runs. The clients run with --observe:
# instead of asserting the compatibility script's expectations (mockpg's server version, its
# MP001 for an unmatched statement) they print what they observed, one `OBSERVE` line per decoded
# value, tag or error; pgbench prints its one CHECK line. A client that exits non-zero, prints a
# failed CHECK or fewer observations than its minimum fails the suite, so a conversation that
# stops early cannot pass by comparing two empty outputs. See docs/recording.md.
#
#   bash examples/compat/differential.sh
#
# Needs mockpg-core/target/mockpg.jar and the examples module's test classes with their class
# path (both left by `mvn -B verify` or `mvn -DskipTests package`; the JVM clients run through
# jvm/jvm-client.sh), psql and pgbench, tools/postgres.sh (it starts the real PostgreSQL), and
# the Python and Node clients (setup.sh, as run.sh). Creates database compat.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/mockpg-core/target/mockpg.jar"
python="${COMPAT_PYTHON:-$here/python/.venv/bin/python}"
[ -f "$jar" ] || { echo "missing $jar: build it first (mvn -DskipTests package)" >&2; exit 2; }
jvm_classpath="$root/examples/target/compat-classpath.txt"
[ -s "$jvm_classpath" ] || { echo "missing $jvm_classpath: build it first (mvn -DskipTests package)" >&2; exit 2; }
if [ -z "${COMPAT_PYTHON:-}" ]; then
    bash "$here/setup.sh" >/dev/null 2>&1 || { echo "setup.sh failed" >&2; exit 1; }
fi

url="$(bash "$root/tools/postgres.sh" start | tail -1)"   # postgresql://app:PASSWORD@HOST:PORT/app
pg_host_port="${url#*@}"; pg_host_port="${pg_host_port%%/*}"
pg_port="${pg_host_port##*:}"
admin() { PGCONNECT_TIMEOUT=10 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
admin -d postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = 'compat'" | grep -q 1 \
    || admin -d postgres -c "CREATE DATABASE compat OWNER app"
PGPASSWORD="${url#*://app:}"; PGPASSWORD="${PGPASSWORD%%@*}"
export PGPASSWORD
psql -X -q -v ON_ERROR_STOP=1 "postgresql://app@$pg_host_port/compat?sslmode=disable" \
    -f "$here/differential/schema.sql" >/dev/null || { echo "cannot load the schema" >&2; exit 1; }

export PGBENCH_RANDOM_SEED=17  # pgbench picks the same ids when replayed
work="$(mktemp -d)"
pid=
stop() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=
    fi
}
trap 'stop; rm -rf "$work"' EXIT

start() { # name, then the mockpg arguments; waits for the port file
    rm -f "$work/port"
    java -jar "$jar" "${@:2}" --port 0 --port-file "$work/port" >"$work/$1.log" 2>&1 &
    pid=$!
    for _ in $(seq 300); do [ -s "$work/port" ] && break; sleep 0.1; done
    [ -s "$work/port" ] || { echo "mockpg $1 did not start:" >&2; cat "$work/$1.log" >&2; exit 1; }
    port="$(tr -d '\n' <"$work/port")"
}

clients() { # run: every client against $port, outputs in $work/$1/
    mkdir -p "$work/$1"
    local entry name minimum command
    for entry in "${conversations[@]}"; do
        read -r name minimum command <<<"$entry"
        # shellcheck disable=SC2086
        timeout 300 $command --observe --port "$port" >"$work/$1/$name.out" 2>"$work/$1/$name.err"
        echo "exit $?" >>"$work/$1/$name.out"
    done
}
conversations=( # name, the fewest observations its conversation prints, command
    "psql 20 bash $here/libpq/psql-client.sh"
    "pgbench-simple 1 bash $here/libpq/pgbench-client.sh --mode simple"
    "pgbench-extended 1 bash $here/libpq/pgbench-client.sh --mode extended"
    "pgbench-prepared 1 bash $here/libpq/pgbench-client.sh --mode prepared"
    "psycopg2 30 $python $here/python/psycopg2_client.py"
    "psycopg3-text 30 $python $here/python/psycopg3_client.py --mode text"
    "psycopg3-binary 30 $python $here/python/psycopg3_client.py --mode binary"
    "psycopg3-prepared 30 $python $here/python/psycopg3_client.py --mode prepared"
    "psycopg3-pipeline 30 $python $here/python/psycopg3_client.py --mode pipeline"
    "asyncpg 30 $python $here/python/asyncpg_client.py"
    "node-pg 30 node $here/node/pg-client.mjs"
    "node-postgres 30 node $here/node/postgres-client.mjs"
    "pgjdbc-default 30 bash $here/jvm/jvm-client.sh pgjdbc-default"
    "pgjdbc-simple 30 bash $here/jvm/jvm-client.sh pgjdbc-simple"
    "pgjdbc-binary 30 bash $here/jvm/jvm-client.sh pgjdbc-binary"
    "hikari 30 bash $here/jvm/jvm-client.sh hikari"
    "r2dbc 30 bash $here/jvm/jvm-client.sh r2dbc"
    "vertx 30 bash $here/jvm/jvm-client.sh vertx")

start record record --upstream "postgresql://app@$pg_host_port/compat?sslmode=prefer" --out "$work/recorded.yaml"
clients recorded
stop
start replay serve --script "$work/recorded.yaml"
clients replayed
stop

failed=0
for entry in "${conversations[@]}"; do
    read -r name minimum _ <<<"$entry"
    problem=
    for run in recorded replayed; do
        out="$work/$run/$name.out"
        seen="$(grep -c '^OBSERVE \|^CHECK ' "$out")"
        if [ "$(tail -1 "$out")" != "exit 0" ]; then problem="$problem $run: $(tail -1 "$out");"
        elif grep -q '^CHECK [^ ]* [^ ]* FAIL' "$out"; then problem="$problem $run: a check failed;"
        elif [ "$seen" -lt "$minimum" ]; then problem="$problem $run: $seen observations, fewer than $minimum;"
        fi
    done
    if ! diff -u "$work/recorded/$name.out" "$work/replayed/$name.out" >"$work/$name.diff"; then
        problem="$problem the outputs differ;"
    fi
    if [ -z "$problem" ]; then
        printf '%-20s same (%s observations)\n' "$name" "$(grep -c '^OBSERVE \|^CHECK ' "$work/recorded/$name.out")"
    else
        printf '%-20s FAILED:%s\n' "$name" "$problem"
        cat "$work/$name.diff" "$work/recorded/$name.out" "$work/recorded/$name.err"
        failed=$((failed + 1))
    fi
done
rules="$(grep -c '^  - match:' "$work/recorded.yaml")"
echo "$rules rules recorded; $failed client(s) failed"
[ -n "${DIFFERENTIAL_KEEP:-}" ] && cp "$work/recorded.yaml" "$DIFFERENTIAL_KEEP"
[ $failed -eq 0 ]
