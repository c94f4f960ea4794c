# Functions for bench/run.sh (sourced; expects root, jar, junit_classes, work, mode, conns,
# rows, with_pg to be set).

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
fail() { echo "bench: $*" >&2; failed=true; exit 1; }
failed=false
pg_dirs=()

cleanup() {
    local pidfile
    for pidfile in "$work"/*.pid; do
        [ -e "$pidfile" ] || continue
        kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    local dir
    for dir in "${pg_dirs[@]:-}"; do
        [ -n "$dir" ] && [ -f "$dir/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    done
    wait 2>/dev/null || true
    if $failed; then
        echo "bench: logs kept in $work" >&2
    else
        rm -rf "$work"
    fi
}

# pgbench_scripts: the two pgbench scripts every benchmark uses, in $work: select1.sql and user.sql
# (the parameterized select of the bench_users table)
pgbench_scripts() {
    printf 'SELECT 1;\n' >"$work/select1.sql"
    printf '\\set id random(1,1000)\nSELECT id, name FROM bench_users WHERE id = :id;\n' >"$work/user.sql"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# ---------------------------------------------------------------------------------------
# Programs: classpath, the Java programs under bench/java, the echo under bench/native

prepare_programs() {
    local external="$work/external-classpath.txt"
    (cd "$root" && { mvn -q -o -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$external" >/dev/null 2>&1 \
        || mvn -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$external" >/dev/null; }) \
        || fail "could not resolve bench/pom.xml dependencies"
    cp="$work/classes:$jar:$junit_classes:$(cat "$external")"
    mkdir -p "$work/classes"
    javac -nowarn -d "$work/classes" -cp "$cp" $(find "$root/bench/java" -name '*.java') || fail "javac failed"
    gcc -O2 -o "$work/echo" "$root/bench/native/echo.c" || fail "gcc failed"
    gcc -O2 -pthread -o "$work/cannedpg" "$root/bench/native/cannedpg.c" || fail "gcc failed"
}

# ---------------------------------------------------------------------------------------
# mockpg instances: mock_start NAME SCRIPT [JVM_OPTIONS] [COMMAND_PREFIX] [SERVER_OPTIONS]

mock_start() {
    local name="$1" script="$2" jvm="${3:-}" prefix="${4:-}" options="${5:-}"
    rm -f "$work/$name.port"
    # as many sessions as the PostgreSQL of the benchmark allows (its max_connections), beyond the default 100
    # shellcheck disable=SC2086
    $prefix java $jvm -jar "$jar" --script "$script" --port 0 --port-file "$work/$name.port" --max-connections 1100 \
        $options >"$work/$name.log" 2>&1 &
    echo $! >"$work/$name.pid"
    await_listening "$name" "mockpg $name" 60 test -s "$work/$name.port"
}
mock_pid() { cat "$work/$1.pid"; }

# The throughput ceiling (bench/native/cannedpg.c), addressed like a mockpg instance: canned_start NAME
canned_start() {
    local name="$1" port
    port="$(free_port)"
    "$work/cannedpg" "$port" >"$work/$name.log" 2>&1 &
    echo $! >"$work/$name.pid"
    await_listening "$name" cannedpg 10 grep -q listening "$work/$name.log"
    echo "$port" >"$work/$name.port"
}

# await_listening NAME WHAT SECONDS CHECK...: polls CHECK every 0.1 s while NAME's process lives
await_listening() {
    local name="$1" what="$2" seconds="$3" i
    shift 3
    for ((i = 0; i < seconds * 10; i++)); do
        "$@" && return 0
        kill -0 "$(cat "$work/$name.pid")" 2>/dev/null || fail "$what did not start: $(tail -5 "$work/$name.log")"
        sleep 0.1
    done
    fail "$what did not listen within $seconds s"
}
mock_port() { cat "$work/$1.port"; }
mock_stop() {
    local pid; pid="$(mock_pid "$1")"
    kill "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 200; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$work/$1.pid"
}

# ---------------------------------------------------------------------------------------
# In front of a PostgreSQL: PgBouncer and the recorder, addressed like mockpg instances (bench_tps NAME).
# The upstream: UP_HOST UP_PORT UP_USER UP_PASSWORD UP_DB (the password may be empty for trust).

# pgbouncer_start NAME: Debian's pgbouncer with its own ini, session pooling, no TLS on either
# side, clients trusted (as the recorder trusts them), run as the postgres user when root
pgbouncer_start() {
    local name="$1" dir="$work/$1" port
    port="$(free_port)"
    mkdir -p "$dir"
    printf '"%s" "%s"\n' "$UP_USER" "$UP_PASSWORD" >"$dir/userlist.txt"
    cat >"$dir/pgbouncer.ini" <<INI
[databases]
$UP_DB = host=$UP_HOST port=$UP_PORT dbname=$UP_DB user=$UP_USER${UP_PASSWORD:+ password=$UP_PASSWORD}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
pool_mode = session
max_client_conn = 1100
default_pool_size = 100
server_tls_sslmode = disable
client_tls_sslmode = disable
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
    [ "$(id -u)" != 0 ] || chown -R postgres "$dir"
    as_pg pgbouncer -d "$dir/pgbouncer.ini" >"$work/$name.log" 2>&1 || fail "pgbouncer did not start: $(tail -3 "$dir/pgbouncer.log")"
    local i
    for ((i = 0; i < 100; i++)); do [ -s "$dir/pgbouncer.pid" ] && break; sleep 0.1; done
    cp "$dir/pgbouncer.pid" "$work/$name.pid" # its own process: stopped, and its CPU read, like a mockpg instance's
    await_listening "$name" pgbouncer 10 python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null
    echo "$port" >"$work/$name.port"
    echo "127.0.0.1 $port $UP_USER $UP_DB" >"$work/$name.target"
}

# recorder_start NAME OUT [JVM_OPTIONS]: mockpg record in front of the upstream, writing OUT
recorder_start() {
    local name="$1" out="$2" jvm="${3:-}"
    rm -f "$work/$name.port"
    # shellcheck disable=SC2086
    PGPASSWORD="$UP_PASSWORD" java $jvm -jar "$jar" record \
        --upstream "postgresql://$UP_USER@$UP_HOST:$UP_PORT/$UP_DB?sslmode=disable" --out "$out" \
        --port 0 --port-file "$work/$name.port" >"$work/$name.log" 2>&1 &
    echo $! >"$work/$name.pid"
    await_listening "$name" "mockpg record" 60 test -s "$work/$name.port"
    echo "127.0.0.1 $(mock_port "$name") $UP_USER $UP_DB" >"$work/$name.target"
}

# forwarder_start NAME: the recorder's ceiling, a bare Netty forwarder to the upstream
# (bench/java/io/mockpg/bench/NettyForwarder.java, compiled against $jar's Netty); the client
# authenticates with the upstream itself. Leak detection off, as mockpg's command line sets it.
forwarder_start() {
    local name="$1" classes="$work/forwarder-classes"
    [ -e "$classes/io/mockpg/bench/NettyForwarder.class" ] \
        || javac -nowarn -d "$classes" -cp "$jar" "$root/bench/java/io/mockpg/bench/NettyForwarder.java" \
        || fail "javac failed"
    rm -f "$work/$name.port"
    java -Dio.netty.leakDetection.level=disabled -cp "$classes:$jar" io.mockpg.bench.NettyForwarder "$UP_HOST" \
        "$UP_PORT" "$work/$name.port" >"$work/$name.log" 2>&1 &
    echo $! >"$work/$name.pid"
    await_listening "$name" "the Netty forwarder" 60 test -s "$work/$name.port"
    echo "127.0.0.1 $(mock_port "$name") $UP_USER $UP_DB" >"$work/$name.target"
}

# Heap in use after a full GC, in MB (sum of the generations' "used").
heap_used_mb() {
    jcmd "$1" GC.run >/dev/null
    jcmd "$1" GC.heap_info | awk '/Metaspace|class space/ {next}
        /heap|generation/ { if (match($0, /used [0-9]+K/)) { sum += substr($0, RSTART + 5, RLENGTH - 6) } }
        END { printf "%.1f", sum / 1024 }'
}

# ---------------------------------------------------------------------------------------
# PostgreSQL

pg_bin="$(pg_config --bindir)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" != 0 ] || id postgres >/dev/null 2>&1 || useradd -r -m postgres

# pg_init DIR [PORT]: initdb with the defaults, plus the address, port and connection limit
pg_init() {
    local dir="$1"
    pg_port="${2:-$(free_port)}"
    mkdir -p "$dir"; [ "$(id -u)" != 0 ] || chown postgres "$dir"
    as_pg "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || fail "initdb failed: $(tail -3 "$dir/initdb.log")"
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$dir'
max_connections = 1100
CONF
}
pg_start() {
    local dir="$1" prefix="${2:-}"
    pg_dirs+=("$dir")
    # shellcheck disable=SC2086
    as_pg $prefix "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null \
        || fail "PostgreSQL did not start: $(tail -5 "$dir/log")"
}
pg_stop() { as_pg "$pg_bin/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null; }
pg_psql() { psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

# Milliseconds for initdb + start + a first SELECT 1 in a fresh directory.
pg_fresh_start() {
    local dir="$1" port start end
    port="$(free_port)"
    start="$(date +%s%N)"
    local saved_port="$pg_port"
    pg_init "$dir" "$port"
    pg_start "$dir"
    psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'SELECT 1' >/dev/null || fail "fresh PostgreSQL"
    end="$(date +%s%N)"
    pg_stop "$dir"; rm -rf "$dir"
    pg_port="$saved_port"
    awk -v ns="$((end - start))" 'BEGIN {printf "%.1f", ns / 1e6}'
}

# ---------------------------------------------------------------------------------------
# Measurements

target_args() { # TARGET -> host port user database
    if [ -e "$work/$1.target" ]; then cat "$work/$1.target"
    elif [ "$1" = pg ]; then echo "127.0.0.1 $pg_port postgres postgres"
    else echo "127.0.0.1 $(mock_port "$1") app app"; fi
}

# bench_tps TARGET PROTOCOL SCRIPT SECONDS -> TPS
bench_tps() {
    local host port user db out
    read -r host port user db <<<"$(target_args "$1")"
    out="$(pgbench -n -c 8 -j 2 -T "$4" -M "$2" -f "$work/$3.sql" -h "$host" -p "$port" -U "$user" "$db" 2>&1)" \
        || fail "pgbench against $1 ($2, $3): $(echo "$out" | tail -5)"
    echo "$out" | grep -q 'number of failed transactions: 0 ' || fail "pgbench against $1 had failures: $(echo "$out" | tail -5)"
    echo "$out" | awk '/^tps/ {printf "%.0f", $3}'
}

# cpu_ticks PID -> "USER SYSTEM" clock ticks of a process: all its threads, and the children it
# has reaped (PostgreSQL's backends, which exit when pgbench disconnects)
cpu_ticks() { awk '{print $14 + $16, $15 + $17}' "/proc/$1/stat"; }

# context_switches PID -> "VOLUNTARY INVOLUNTARY" context switches of a process's live threads
# (voluntary: it waited, as in epoll_wait; involuntary: it was preempted)
context_switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^voluntary/ {v += $2} /^nonvoluntary/ {n += $2} END {print v + 0, n + 0}'; }

# bench_cpu TARGET PROTOCOL SCRIPT SECONDS -> "SERVER-USER SERVER-KERNEL PGBENCH" CPU µs per
# transaction: where the two CPUs go that server and pgbench share; then "VOLUNTARY
# INVOLUNTARY", the server process's context switches per transaction
bench_cpu() {
    local host port user db pid before after out tick switches_before switches_after
    read -r host port user db <<<"$(target_args "$1")"
    if [ "$1" = pg ]; then pid="$(head -1 "$work/pg/data/postmaster.pid")"; else pid="$(mock_pid "$1")"; fi
    tick="$(getconf CLK_TCK)"
    before="$(cpu_ticks "$pid")"
    switches_before="$(context_switches "$pid")"
    out="$( { TIMEFORMAT='pgbench-cpu %U %S'; time pgbench -n -c 8 -j 2 -T "$4" -M "$2" -f "$work/$3.sql" \
        -h "$host" -p "$port" -U "$user" "$db"; } 2>&1)" || fail "pgbench against $1 ($2, $3): $(echo "$out" | tail -5)"
    switches_after="$(context_switches "$pid")"
    sleep 0.5 # the postmaster reaps its backends
    after="$(cpu_ticks "$pid")"
    echo "$out" | awk -v before="$before" -v after="$after" -v tick="$tick" \
        -v switches_before="$switches_before" -v switches_after="$switches_after" '
        /number of transactions actually processed/ { split($NF, n, "/"); tx = n[1] }
        /^pgbench-cpu/ { client = $2 + $3 }
        END {
            split(before, b, " "); split(after, a, " "); split(switches_before, sb, " "); split(switches_after, sa, " ")
            printf "%.1f %.1f %.1f %.2f %.2f", (a[1] - b[1]) / tick * 1e6 / tx, (a[2] - b[2]) / tick * 1e6 / tx,
                client * 1e6 / tx, (sa[1] - sb[1]) / tx, (sa[2] - sb[2]) / tx
        }'
}

# bench_latency TARGET SECONDS -> mean latency in µs, client pinned to CPU 0
bench_latency() {
    local host port user db out
    read -r host port user db <<<"$(target_args "$1")"
    out="$(taskset -c 0 pgbench -n -c 1 -M prepared -T "$2" -f "$work/select1.sql" -h "$host" -p "$port" -U "$user" "$db" 2>&1)" \
        || fail "pgbench latency against $1: $(echo "$out" | tail -5)"
    echo "$out" | awk '/^latency average/ {printf "%.1f", $4 * 1000}'
}

# echo_floor SECONDS -> mean round trip of a pinned C echo, µs
echo_floor() {
    local port; port="$(free_port)"
    taskset -c 0 "$work/echo" server "$port" >"$work/echo.log" &
    echo $! >"$work/echo.pid"
    local i; for ((i = 0; i < 50; i++)); do grep -q listening "$work/echo.log" && break; sleep 0.05; done
    taskset -c 0 "$work/echo" client "$port" "$1" | awk '/mean-us/ {print $2}'
    kill "$(cat "$work/echo.pid")"; rm -f "$work/echo.pid"
}

# rules_script N: N-1 rules that do not match the benchmark statement, then the one that does
rules_script() {
    echo "rules:"
    local i
    for ((i = 1; i < $1; i++)); do
        printf '  - match: { sql: "SELECT id, name FROM table_%d WHERE id = $1" }\n    respond: { columns: [{ id: int4 }], rows: [[%d]] }\n' "$i" "$i"
    done
    printf '  - match: { sql: "SELECT id, name FROM bench_users WHERE id = $1" }\n'
    printf '    respond: { columns: [{ id: int4 }, { name: text }], rows: [["{{$1}}", "user {{$1}}"]] }\n'
}

# stream_jdbc URL USER SQL -> rows/s
stream_jdbc() {
    local out
    out="$(java -cp "$cp" io.mockpg.bench.StreamBench "$1" "$2" "" "$3" "$rows" 2>&1)" \
        || fail "StreamBench $1: $(echo "$out" | tail -3)"
    echo "$out" | awk '/rows-per-s/ {print $6}'
}

# stream_psql PORT USER SQL -> rows/s (psql reads the whole result, output discarded)
stream_psql() {
    local start end
    start="$(date +%s%N)"
    psql -X -A -t -h 127.0.0.1 -p "$1" -U "$2" -d postgres -c "$3" >/dev/null || fail "psql stream on $1"
    end="$(date +%s%N)"
    awk -v n="$rows" -v ns="$((end - start))" 'BEGIN {printf "%.0f", n / (ns / 1e9)}'
}

rss_sampler_start() {
    local pid="$1"
    (while kill -0 "$pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$pid/status"; sleep 0.2; done) \
        >"$work/rss.samples" 2>/dev/null &
    echo $! >"$work/rss.pid"
}
# Sets rss_first and rss_max: the peak RSS (MB) in the first and in the second half of the
# samples. Flat means the second half, with millions more rows sent, needs no more memory.
rss_sampler_stop() {
    kill "$(cat "$work/rss.pid")" 2>/dev/null || true; rm -f "$work/rss.pid"
    read -r rss_first rss_max <<<"$(awk '{v[NR] = $1}
        END {for (i = 1; i <= NR; i++) { if (i <= NR / 2) { if (v[i] > a) a = v[i] } else if (v[i] > b) b = v[i] }
             printf "%.0f %.0f", a / 1024, b / 1024}' "$work/rss.samples")"
}

# conn_figures NAME URL USER SERVER_PID: sets answered, heap_added_mb (when a PID is given)
conn_figures() {
    local name="$1" url="$2" user="$3" pid="$4" before="" idle="" after=""
    [ -z "$pid" ] || before="$(heap_used_mb "$pid")"
    mkfifo "$work/$name.conn.in"
    java -cp "$cp" io.mockpg.bench.ConnectionsBench "$url" "$user" "" "$conns" <"$work/$name.conn.in" \
        >"$work/$name.conn.out" 2>&1 &
    local client=$!
    exec 4>"$work/$name.conn.in"
    wait_for_line "$work/$name.conn.out" "^idle" "$client"
    [ -z "$pid" ] || idle="$(heap_used_mb "$pid")"
    echo go >&4
    wait_for_line "$work/$name.conn.out" "^answered" "$client"
    [ -z "$pid" ] || after="$(heap_used_mb "$pid")"
    echo go >&4
    exec 4>&-
    wait "$client" || fail "ConnectionsBench against $name: $(tail -3 "$work/$name.conn.out")"
    answered="$(awk '/^answered/ {print $2}' "$work/$name.conn.out")"
    heap_added_mb="-"
    [ -z "$pid" ] || heap_added_mb="$(awk -v b="$before" -v i="$idle" -v a="$after" \
        'BEGIN {m = i > a ? i : a; printf "%.1f", m - b}')"
    log "$name: heap before ${before:-?} MB, idle ${idle:-?} MB, after queries ${after:-?} MB"
}
wait_for_line() { # FILE REGEX PID
    while ! grep -q "$2" "$1"; do
        kill -0 "$3" 2>/dev/null || fail "client ended early: $(tail -3 "$1")"
        sleep 0.1
    done
}

# until_ms PATTERN COMMAND... -> ms from spawn to the first line containing PATTERN
until_ms() {
    local pattern="$1" out; shift
    out="$(python3 "$root/bench/lib/until_line.py" "$pattern" -- "$@" 2>&1)" || fail "$* never printed $pattern: $out"
    echo "$out" | awk '/^ms/ {print $2}'
}

junit_ms() {
    local out
    out="$(java -cp "$cp" io.mockpg.bench.JUnitOverheadBench "$1" 2>&1)" || fail "JUnitOverheadBench $1: $(echo "$out" | tail -3)"
    echo "$out" | awk '/junit-ms/ {print $2}'
}

# ---------------------------------------------------------------------------------------
# Arithmetic and the table

median() {
    printf '%s\n' "$@" | awk 'NF && $1 != "-"' | sort -g | awk '{v[NR] = $1}
        END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b}'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-") print "-"; else print (a <= b ? "yes" : "NO")}'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-") print "-"; else print (a >= b ? "yes" : "NO")}'; }

record_row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@" >>"$work/table"; }
record_higher() { local r; r="$(ratio "$3" "$2")"; record_row "$1" "$2" "$3" "$r" "≥ $4×" "$(ge "$r" "$4")"; }
record_lower() { local r; r="$(ratio "$3" "$2")"; record_row "$1" "$2" "$3" "$r" "≤ $4×" "$(le "$r" "$4")"; }
record_abs() { record_row "$1" "$2" "$3" "$(ratio "$3" "$2")" "≤ $4 ms" "$(le "$3" "$4")"; }

print_table() {
    echo
    echo "mockpg benchmarks, mode $mode, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(uname -sr)"
    echo "PostgreSQL: $("$pg_bin/postgres" --version); $(java -version 2>&1 | head -1)"
    echo
    echo "| figure | PostgreSQL | mockpg | ratio | target | met? |"
    echo "|---|---|---|---|---|---|"
    cat "$work/table"
}
