#!/usr/bin/env bash
# psql (libpq, simple query protocol, text results) against the compatibility script.
# Usage: psql-client.sh --port N [--host H] [--observe]
# --observe (the differential suite): print each check's output as `OBSERVE psql <check> <line>`
# lines instead of asserting.
set -uo pipefail
host=127.0.0.1; port=; observe=
while [ $# -gt 0 ]; do case "$1" in
    --host) host=$2; shift 2 ;; --port) port=$2; shift 2 ;; --observe) observe=1; shift ;; *) shift ;; esac; done
export PGPASSWORD=s3cret PGCONNECT_TIMEOUT=10
url="postgresql://app@$host:$port/compat"
client=psql

observed() { # check output: one OBSERVE line per output line
    while IFS= read -r line; do echo "OBSERVE $client $1 $line"; done <<<"$2"
}
report() { # check ok detail
    local status=FAIL; [ "$2" = 1 ] && status=PASS
    echo "CHECK $client $1 $status $(echo "$3" | tr -s '\n\t ' '   ' | sed 's/ *$//')"
}
run() { psql -X -A -t -q -v ON_ERROR_STOP=1 "$url" "$@" 2>&1; }
expect() { # check expected actual
    if [ -n "$observe" ]; then observed "$1" "$3"; return; fi
    if [ "$2" = "$3" ]; then report "$1" 1 "${4:-ok}"; else report "$1" 0 "got: $3 | want: $2"; fi
}

version=$(run -c "SHOW server_version") || { report login 0 "$version"; exit 1; }
[ -n "$observe" ] && version="$(psql --version), server $version"
expect login 16.4 "$version" "$(psql --version), server $version"

types=$(run -F '|' -c "SELECT * FROM compat_types WHERE id = 1")
first=${types%%$'\n'*}
scalars='t|-32768|2147483647|9223372036854775807|1.5|3.141592653589793|12345.6789|héllo wörld|varchar value|abc|compat_name|\xdeadbeef|2024-02-29|13:45:30.123456|13:45:30+02|2024-02-29 13:45:30.123456|2024-02-29 13:45:30.123456+00|1 year 2 mons 3 days 04:05:06.5|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|{"a": 1, "b": [true, null]}|{"a": 1, "b": [true, null]}|3000000000|192.168.0.1'
expect types "$scalars" "$(echo "$first" | cut -d'|' -f1-23)" "23 values"
expect arrays '{1,NULL,3}|{alpha,"with space",NULL}' "$(echo "$first" | cut -d'|' -f24-25)" "2 values"
expect nulls '||||||||||||||||||||||||' "$(echo "$types" | sed -n 2p)" "second row all NULL"

expect insert "INSERT 0 1" "$(psql -X -A -t -v ON_ERROR_STOP=1 "$url" -c "INSERT INTO compat_items (id, name) VALUES (1, 'widget')" 2>&1)"

unique=$(psql -X -A -t -v VERBOSITY=verbose "$url" -c "INSERT INTO compat_items (id, name) VALUES (2, 'dup')" 2>&1)
if [ -n "$observe" ]; then observed unique "$unique"
elif grep -q "^ERROR:  23505: duplicate key" <<<"$unique" && grep -q "CONSTRAINT NAME:  compat_items_pkey" <<<"$unique"; then
    report unique 1 "23505 compat_items_pkey"
else report unique 0 "$unique"; fi

series=$(run -F '|' -c "SELECT n, label FROM compat_series ORDER BY n")
summary=$(awk -F'|' '{ c++; s += $1; if ($2 != "row-" $1) bad++; last = $0 } END { print c, s, last, bad + 0 }' <<<"$series")
expect stream "10000 50005000 10000|row-10000 0" "$summary" "10000 rows"

balance="SELECT balance FROM compat_accounts WHERE id = 7"
expect rollback "$(printf 'UPDATE 1\n90\nROLLBACK\n100')" "$(psql -X -A -t -v ON_ERROR_STOP=1 "$url" -c "BEGIN" \
    -c "UPDATE compat_accounts SET balance = balance - 10 WHERE id = 7" -c "$balance" -c "ROLLBACK" -c "$balance" 2>&1 | grep -v '^BEGIN$')"
expect commit "$(printf 'UPDATE 1\nCOMMIT\n90\nUPDATE 1\n100')" "$(psql -X -A -t -v ON_ERROR_STOP=1 "$url" -c "BEGIN" \
    -c "UPDATE compat_accounts SET balance = balance - 10 WHERE id = 7" -c "COMMIT" -c "$balance" \
    -c "UPDATE compat_accounts SET balance = balance + 10 WHERE id = 7" -c "$balance" 2>&1 | grep -v '^BEGIN$')"

unmatched=$(psql -X -A -t -v VERBOSITY=verbose "$url" -c "SELECT * FROM compat_itemz WHERE id = 1" 2>&1)
if [ -n "$observe" ]; then observed unmatched "$unmatched"
elif grep -q "^ERROR:  MP001: mockpg: no rule matches" <<<"$unmatched" && grep -q 'closest rule "all-types"' <<<"$unmatched"; then
    report unmatched 1 "MP001 with the near miss"
else report unmatched 0 "$unmatched"; fi

expect set_show compat-psql "$(run -c "SET application_name = 'compat-psql'" -c "SHOW application_name")"
