#!/usr/bin/env bash
# Client compatibility suite: starts the standalone mockpg jar with compat.yaml, runs every
# non-JVM client's conversation against it, adds the JVM clients' results written by the
# examples module's JUnit tests (mvn verify), and prints a client x check matrix; then the
# framework suite (frameworks/run.sh: each framework against mockpg and the real PostgreSQL).
#
#   bash examples/compat/run.sh                 run and print the matrix; exit 1 on any failure
#   bash examples/compat/run.sh --write-table   also rewrite works-with.md and README's table
#   bash examples/compat/run.sh --require-jvm   fail when the JVM results are missing
#
# Needs mockpg-core/target/mockpg.jar (built beforehand: it builds nothing), psql and pgbench;
# installs the Python and Node drivers itself (setup.sh) unless COMPAT_PYTHON names a python.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/mockpg-core/target/mockpg.jar"
jvm_results="$root/examples/target/compat"
python="${COMPAT_PYTHON:-$here/python/.venv/bin/python}"
write_table=0; require_jvm=0
for arg in "$@"; do
    case "$arg" in
        --write-table) write_table=1 ;;
        --require-jvm) require_jvm=1 ;;
        *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
done

CHECKS=(login types arrays nulls insert unique stream rollback commit unmatched set_show batch bench)
CONVERSATION=(login types arrays nulls insert unique stream rollback commit unmatched set_show)

work="$(mktemp -d)"
server_pid=
cleanup() {
    if [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; then
        # SIGTERM drains (5 s at most); do not let a stuck drain hang CI
        for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${COMPAT_PYTHON:-}" ]; then
    bash "$here/setup.sh" >"$work/setup.log" 2>&1 || { echo "setup failed:" >&2; cat "$work/setup.log" >&2; exit 1; }
fi
[ -f "$jar" ] || { echo "missing $jar: build it first (mvn -DskipTests package)" >&2; exit 2; }
java -jar "$jar" --script "$here/compat.yaml" --port 0 --port-file "$work/port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 150); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "mockpg did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
port="$(tr -d '\n' <"$work/port")"
echo "mockpg on port $port"

results="$work/checks.txt"
: >"$results"
# client name, then the command; each prints CHECK lines
run_client() {
    local name=$1; shift
    local started=$SECONDS
    timeout 300 "$@" >"$work/$name.out" 2>"$work/$name.err"
    local status=$?
    grep '^CHECK ' "$work/$name.out" >>"$results"
    if [ $status -ne 0 ]; then
        echo "--- $name exited with $status; its stderr:"; tail -20 "$work/$name.err"
    fi
    printf '%-20s %3ss\n' "$name" $((SECONDS - started))
}

run_client psql bash "$here/libpq/psql-client.sh" --port "$port"
for mode in simple extended prepared; do
    run_client "pgbench-$mode" bash "$here/libpq/pgbench-client.sh" --port "$port" --mode "$mode"
done
run_client psycopg2 "$python" "$here/python/psycopg2_client.py" --port "$port"
for mode in text binary prepared pipeline; do
    run_client "psycopg3-$mode" "$python" "$here/python/psycopg3_client.py" --port "$port" --mode "$mode"
done
run_client asyncpg "$python" "$here/python/asyncpg_client.py" --port "$port"
run_client node-pg node "$here/node/pg-client.mjs" --port "$port"
run_client node-postgres node "$here/node/postgres-client.mjs" --port "$port"

clients=(psql pgbench-simple pgbench-extended pgbench-prepared psycopg2 psycopg3-text psycopg3-binary
         psycopg3-prepared psycopg3-pipeline asyncpg node-pg node-postgres)
if ls "$jvm_results"/*.txt >/dev/null 2>&1; then
    echo "JVM results from $jvm_results (written by mvn verify)"
    for file in "$jvm_results"/*.txt; do
        grep '^CHECK ' "$file" >>"$results"
        clients+=("$(basename "$file" .txt)")
    done
elif [ $require_jvm = 1 ]; then
    echo "CHECK jvm login FAIL no JVM results in $jvm_results: run mvn verify first" >>"$results"
    clients+=(jvm)
fi

# ---- the matrix -----------------------------------------------------------------------
expected_checks() {
    case "$1" in
        pgbench-*) echo bench ;;
        pgjdbc-*) echo "${CONVERSATION[@]}" batch ;;
        *) echo "${CONVERSATION[@]}" ;;
    esac
}
passed=0; failed=0
printf '\n%-20s' client; for check in "${CHECKS[@]}"; do printf ' %-9s' "$check"; done; echo
for client in "${clients[@]}"; do
    printf '%-20s' "$client"
    wanted=" $(expected_checks "$client") "
    for check in "${CHECKS[@]}"; do
        line="$(grep -m1 "^CHECK $client $check " "$results")"
        if [[ "$wanted" != *" $check "* ]]; then mark='·'
        elif [[ "$line" == "CHECK $client $check PASS"* ]]; then mark='✓'; passed=$((passed + 1))
        else mark='✗'; failed=$((failed + 1))
        fi
        printf ' %s        ' "$mark"  # width by hand: printf pads bytes, the marks are multi-byte
    done
    echo
done
if grep -q ' FAIL' "$results"; then
    echo; echo "failures:"; grep ' FAIL' "$results"
fi
for client in "${clients[@]}"; do
    for check in $(expected_checks "$client"); do
        grep -q "^CHECK $client $check " "$results" || echo "missing: $client $check (the client stopped early)"
    done
done

# ---- the framework suite (frameworks/run.sh): its own matrix ---------------------------
echo
framework_args=(); [ $require_jvm = 1 ] && framework_args+=(--require-jvm)
if COMPAT_PYTHON="$python" bash "$here/frameworks/run.sh" "${framework_args[@]}"; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
fi

# ---- client versions and the Works-with table -----------------------------------------
bash "$here/versions.sh" >"$work/works-with.md"
echo; echo "clients and versions:"; sed -n 's/^| \(.*\) |$/  \1/p' "$work/works-with.md" | sed 1d | tr -s ' '
readme="$root/README.md"
# README's copy of the table, between its works-with markers
readme_table() { awk '/<!-- works-with:end -->/{f=0} f; /<!-- works-with:start -->/{f=1}' "$readme"; }
if [ $write_table = 1 ]; then
    cp "$work/works-with.md" "$here/works-with.md"
    awk -v table="$work/works-with.md" '
        /<!-- works-with:end -->/ { while ((getline line < table) > 0) print line; f = 0 }
        !f { print }
        /<!-- works-with:start -->/ { f = 1 }' "$readme" >"$work/README.md"
    cat "$work/README.md" >"$readme"
    echo "wrote $here/works-with.md and the Works-with table of README.md"
fi
if cmp -s "$work/works-with.md" "$here/works-with.md" && cmp -s "$work/works-with.md" <(readme_table); then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
    echo "works-with.md or README's Works-with table is out of date (run: bash examples/compat/run.sh --write-table):"
    diff "$here/works-with.md" "$work/works-with.md"
    diff <(readme_table) "$work/works-with.md"
fi

echo; echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
