#!/usr/bin/env bash
# Installs the non-JVM clients of the compatibility suite, idempotently: the Python drivers
# into python/.venv (pinned in python/requirements.txt) and the Node packages into
# node/node_modules (npm ci, from package-lock.json). psql and pgbench come from the system
# (Debian: postgresql-client and postgresql); .ci/run installs them when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

venv="$here/python/.venv"
stamp="$venv/.requirements"
if ! cmp -s "$here/python/requirements.txt" "$stamp" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/python/requirements.txt"
    cp "$here/python/requirements.txt" "$stamp"
fi

lock="$here/node/node_modules/.package-lock.json"
if [ ! -f "$lock" ] || [ "$here/node/package-lock.json" -nt "$lock" ]; then
    (cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error)
fi
