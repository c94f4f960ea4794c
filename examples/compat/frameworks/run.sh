#!/usr/bin/env bash
# Framework compatibility suite: each framework's small library application runs its checks
# twice, against mockpg (scripted with frameworks/<framework>.yaml, the application's own
# statements only) and against the real PostgreSQL (database `frameworks`, schema.sql applied
# afresh before each run), and prints a framework x target matrix. The Spring Boot application
# (spring-boot/, a module of the Maven build) writes its results during `mvn verify`.
#
#   bash examples/compat/frameworks/run.sh [--only NAME] [--require-jvm]
#
# Needs mockpg-core/target/mockpg.jar, the Python, Node, Go and Ruby packages of ../setup.sh, psql, and
# the real PostgreSQL of tools/postgres.sh (started here if needed). Exit 1 on any failure.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
compat="$(cd "$here/.." && pwd)"
root="$(cd "$compat/../.." && pwd)"
jar="$root/mockpg-core/target/mockpg.jar"
python="${COMPAT_PYTHON:-$compat/python/.venv/bin/python}"
jvm_results="$here/spring-boot/target/frameworks"
only=; require_jvm=0
while [ $# -gt 0 ]; do
    case "$1" in
        --only) only=$2; shift ;;
        --require-jvm) require_jvm=1 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

work="$(mktemp -d)"
server_pid=
stop_server() {
    if [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; then
        for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    server_pid=
}
trap 'stop_server; rm -rf "$work"' EXIT

[ -f "$jar" ] || { echo "missing $jar: build it first (mvn -DskipTests package)" >&2; exit 2; }
pg_port="${MOCKPG_PG_PORT:-54329}"
bash "$root/tools/postgres.sh" start >/dev/null || { echo "the real PostgreSQL did not start" >&2; exit 1; }
admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres "$@"; }
[ "$(admin -Atc "SELECT 1 FROM pg_database WHERE datname = 'frameworks'")" = 1 ] \
    || admin -c "CREATE DATABASE frameworks OWNER app"

# framework name, then the command (it gets --port, --user, --password and --database)
APPS=(
    "sqlalchemy|$python $compat/python/sqlalchemy_app.py"
    "django|$python $compat/python/django_app.py"
    "knex|node $compat/node/knex-app.mjs"
    "sequelize|node $compat/node/sequelize-app.mjs"
    "pgx|$compat/go/bin/pgxapp"
    "lib-pq|$compat/go/bin/pqapp"
    "activerecord|ruby $compat/ruby/activerecord_app.rb"
)

run_app() { # name, target, command...
    local name=$1 target=$2; shift 2
    local started=$SECONDS
    (cd "$compat/python" && timeout 300 "$@") >"$work/$name-$target.out" 2>"$work/$name-$target.err"
    local status=$?
    sed "s/^CHECK $name /CHECK $name@$target /" "$work/$name-$target.out" | grep '^CHECK ' >>"$work/checks.txt"
    if [ $status -ne 0 ]; then echo "--- $name on $target exited with $status; its stderr:"; tail -20 "$work/$name-$target.err"; fi
    printf '%-12s %-9s %3ss\n' "$name" "$target" $((SECONDS - started))
}

: >"$work/checks.txt"
frameworks=()
for app in "${APPS[@]}"; do
    name="${app%%|*}"; command="${app#*|}"
    [ -z "$only" ] || [ "$only" = "$name" ] || continue
    frameworks+=("$name")
    # against mockpg: its own server with the application's script; every statement must match
    java -jar "$jar" --script "$here/${name#lib-}.yaml" --port 0 --port-file "$work/port" >"$work/server-$name.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 150); do [ -s "$work/port" ] && break; sleep 0.1; done
    port="$(tr -d '\n' <"$work/port" 2>/dev/null)"
    rm -f "$work/port"
    if [ -z "$port" ]; then echo "mockpg did not start:"; cat "$work/server-$name.log"; stop_server; continue; fi
    # shellcheck disable=SC2086 # the command is words
    run_app "$name" mockpg $command --port "$port" --user app --password app-secret --database frameworks
    stop_server
    if grep -q 'no rule matches' "$work/server-$name.log"; then
        echo "CHECK $name@mockpg no_chatter_scripted FAIL $(grep -m3 -o 'no rule matches: .*' "$work/server-$name.log" | tr '\n' ' ')" >>"$work/checks.txt"
    else
        echo "CHECK $name@mockpg no_chatter_scripted PASS" >>"$work/checks.txt"
    fi
    # against the real PostgreSQL: the same checks on a fresh schema
    psql -X -q -v ON_ERROR_STOP=1 "postgresql://app:app-secret@127.0.0.1:$pg_port/frameworks" -f "$here/schema.sql" \
        >"$work/schema.log" 2>&1 || { echo "schema.sql failed:"; cat "$work/schema.log"; }
    # shellcheck disable=SC2086
    run_app "$name" postgres $command --port "$pg_port" --user app --password app-secret --database frameworks
done

# the Spring Boot application's results, written by mvn verify
if [ -z "$only" ]; then
    if ls "$jvm_results"/spring-boot-*.txt >/dev/null 2>&1; then
        for target in mockpg postgres; do
            file="$jvm_results/spring-boot-$target.txt"
            [ -f "$file" ] || { echo "CHECK spring-boot@$target results FAIL missing $file" >>"$work/checks.txt"; continue; }
            while read -r _ framework rest; do
                echo "CHECK $framework@$target $rest"
            done <"$file" >>"$work/checks.txt"
        done
        for framework in $(sed -n 's/^CHECK \([^ @]*\) .*/\1/p' "$jvm_results"/spring-boot-*.txt | awk '!seen[$0]++'); do
            frameworks+=("$framework")
        done
    elif [ $require_jvm = 1 ]; then
        echo "CHECK spring-boot@mockpg results FAIL no results in $jvm_results: run mvn verify first" >>"$work/checks.txt"
        frameworks+=(spring-boot)
    fi
fi

# ---- the matrix: checks passed per framework and target --------------------------------
failed=0
printf '\n%-18s %-10s %-10s\n' framework mockpg postgres
for framework in "${frameworks[@]}"; do
    printf '%-18s' "$framework"
    for target in mockpg postgres; do
        pass=$(grep -c "^CHECK $framework@$target [^ ]* PASS" "$work/checks.txt")
        total=$(grep -c "^CHECK $framework@$target " "$work/checks.txt")
        mark="$pass/$total"
        if [ "$total" -eq 0 ] && [ "$target" = postgres ] && [ "$framework" = spring-boot ]; then mark='·'
        elif [ "$total" -eq 0 ] || [ "$pass" -ne "$total" ]; then failed=$((failed + 1)); mark="$mark ✗"
        fi
        printf ' %-10s' "$mark"
    done
    echo
done
if grep -q ' FAIL' "$work/checks.txt"; then echo; echo "failures:"; grep ' FAIL' "$work/checks.txt" | cut -c1-400; fi
echo; echo "framework suite: $failed framework/target pairs failed"
[ $failed -eq 0 ]
