#!/usr/bin/env bash
# Regenerates pg15-fixtures.tsv from pg15-inputs.tsv against a running PostgreSQL 15 server.
#   capture-pg-fixtures.sh postgresql://postgres@127.0.0.1:5432/postgres > pg15-fixtures.tsv
# For every "type<TAB>literal" input line it runs, in a session with TimeZone=UTC,
# DateStyle=ISO, IntervalStyle=postgres and extra_float_digits=1:
#   SELECT format('%s', v), encode(<typsend>(v), 'hex') FROM (SELECT $lit$<literal>$lit$::<type> AS v) s
# format('%s', v) calls the type's output function (v::text would trim bpchar and add /32 to inet);
# <typsend> is pg_type.typsend of the type (int4send, numeric_send, array_send, ...).
# Output columns: type, input literal, text output, binary send output in hex.
set -euo pipefail
url="${1:?usage: capture-pg-fixtures.sh POSTGRES_URL}"
inputs="$(dirname "$0")/pg15-inputs.tsv"
psql_q() { PGOPTIONS='-c TimeZone=UTC -c DateStyle=ISO,MDY -c IntervalStyle=postgres -c extra_float_digits=1' \
    psql -X -q -A -t -v ON_ERROR_STOP=1 -F $'\t' "$url" "$@"; }

declare -A send
while IFS=$'\t' read -r type literal; do
    [[ -z "$type" || "$type" == \#* ]] && continue
    if [[ -z "${send[$type]:-}" ]]; then
        send[$type]="$(psql_q -c "SELECT typsend FROM pg_type WHERE oid = '$type'::regtype")"
    fi
done < "$inputs"

cat <<HEADER
# Captured from PostgreSQL $(psql_q -c 'SHOW server_version') by capture-pg-fixtures.sh from pg15-inputs.tsv,
# session settings TimeZone=UTC, DateStyle=ISO, IntervalStyle=postgres, extra_float_digits=1, one query per line:
#   SELECT format('%s', v), encode(<typsend>(v), 'hex') FROM (SELECT \$lit\$<input>\$lit\$::<type> AS v) s
# format('%s', v) is the type's output function; <typsend> is pg_type.typsend of <type> (int4send, numeric_send, array_send...).
# jsonb inputs are already in the form PostgreSQL normalizes jsonb to, since values are sent back as given.
# type	input	text output	binary hex
HEADER
sql=""
while IFS=$'\t' read -r type literal; do
    [[ -z "$type" || "$type" == \#* ]] && continue
    sql+="SELECT \$t\$$type\$t\$, \$lit\$$literal\$lit\$, format('%s', v), encode(${send[$type]}(v), 'hex') FROM (SELECT \$lit\$$literal\$lit\$::$type AS v) s;"$'\n'
done < "$inputs"
psql_q <<< "$sql"
