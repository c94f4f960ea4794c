#!/usr/bin/env bash
# pgbench (libpq) in one protocol mode against the compatibility script: 2 clients x 200
# transactions of a random-id lookup answered by one templated rule; no transaction may fail.
# Usage: pgbench-client.sh --port N --mode simple|extended|prepared [--host H]
set -uo pipefail
host=127.0.0.1; port=; mode=simple
while [ $# -gt 0 ]; do case "$1" in --host) host=$2; shift 2 ;; --port) port=$2; shift 2 ;; --mode) mode=$2; shift 2 ;; *) shift ;; esac; done
client="pgbench-$mode"
script="$(dirname "$0")/pgbench.sql"
export PGPASSWORD=s3cret PGCONNECT_TIMEOUT=10
# PGBENCH_RANDOM_SEED: the same ids in every run (the differential suite replays a recording)
out=$(pgbench -n -M "$mode" -t 200 -c 2 --random-seed="${PGBENCH_RANDOM_SEED:-time}" -f "$script" -h "$host" -p "$port" -U app compat 2>&1)
status=$?
processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<<"$out")
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$out")
if [ $status -eq 0 ] && [ "$processed" = 400 ] && [ "${failed:-0}" = 0 ]; then
    echo "CHECK $client bench PASS $processed transactions, ${failed:-0} failed ($(pgbench --version))"
else
    echo "CHECK $client bench FAIL exit $status, processed ${processed:-?}, failed ${failed:-?}: $(tail -3 <<<"$out" | tr '\n' ' ')"
fi
