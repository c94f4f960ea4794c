#!/usr/bin/env bash
# A real PostgreSQL on loopback for the tests that compare mockpg with the real thing
# (record, check, the differential and framework suites). Idempotent and safe to call from
# several test processes at once.
#   tools/postgres.sh start   install (apt-get) if missing, initdb the first time, start;
#                             prints the URL of the scram-sha-256 user
#   tools/postgres.sh stop
#   tools/postgres.sh url     the URL, without starting anything
#   tools/postgres.sh log     the server log (log_statement=all)
# Port ${MOCKPG_PG_PORT:-54329}, data under ${MOCKPG_PG_DIR:-/tmp/mockpg-postgres}.
# Roles, all with database app (owned by app):
#   app / app-secret           scram-sha-256
#   app_md5 / md5-secret       md5
#   app_password / pw-secret   password (cleartext)
#   app_trust                  trust
#   postgres                   trust (superuser)
# TLS is on with a self-signed certificate, so sslmode=require works.
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` system user.
set -euo pipefail
cmd="${1:-}"
port="${MOCKPG_PG_PORT:-54329}"
dir="${MOCKPG_PG_DIR:-/tmp/mockpg-postgres}"
url="postgresql://app:app-secret@127.0.0.1:$port/app"

install_server() {
    command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/pg_ctl" ] && return 0
    [ "$(id -u)" = 0 ] || { echo "postgres.sh: PostgreSQL is not installed and only root can install it" >&2; exit 1; }
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends postgresql postgresql-client openssl >/dev/null
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

psql_admin() { as_pg psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$1" "${@:2}"; }

init_cluster() {
    local bin=$1
    mkdir -p "$dir"
    [ "$(id -u)" != 0 ] || chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=localhost \
        -keyout "$dir/data/server.key" -out "$dir/data/server.crt" 2>/dev/null
    as_pg chmod 600 "$dir/data/server.key"
    as_pg tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
log_statement = 'all'
ssl = on
password_encryption = 'scram-sha-256'
CONF
    as_pg tee "$dir/data/pg_hba.conf" >/dev/null <<'HBA'
local all all trust
host all postgres 127.0.0.1/32 trust
host all app_trust 127.0.0.1/32 trust
host all app_password 127.0.0.1/32 password
host all app_md5 127.0.0.1/32 md5
host all all 127.0.0.1/32 scram-sha-256
HBA
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null
    psql_admin postgres \
        -c "CREATE ROLE app LOGIN PASSWORD 'app-secret'" \
        -c "SET password_encryption = 'md5'" -c "CREATE ROLE app_md5 LOGIN PASSWORD 'md5-secret'" \
        -c "CREATE ROLE app_password LOGIN PASSWORD 'pw-secret'" \
        -c "CREATE ROLE app_trust LOGIN" \
        -c "CREATE DATABASE app OWNER app"
    psql_admin app -c "GRANT ALL ON SCHEMA public TO app_md5, app_password, app_trust"
}

start() {
    install_server
    local bin
    bin="$(pg_config --bindir)"
    [ "$(id -u)" != 0 ] || id postgres >/dev/null 2>&1 || useradd -r -m postgres
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        init_cluster "$bin"
    elif ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null
    fi
    echo "$url"
}

case "$cmd" in
start)
    mkdir -p "$(dirname "$dir")"
    # -o: the server started under the lock must not inherit the lock's descriptor
    exec flock -o "$dir.lock" bash "$0" start-locked
    ;;
start-locked) start ;;
stop) as_pg "$(pg_config --bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null && echo stopped ;;
url) echo "$url" ;;
log) cat "$dir/log" ;;
*) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
