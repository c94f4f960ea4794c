#!/usr/bin/env bash
# Installs the non-JVM clients of the compatibility suites, idempotently: the Python drivers
# and frameworks into python/.venv (pinned in python/requirements.txt), the Node packages into
# node/node_modules (npm ci, from package-lock.json), the Go applications (go/bin) and Ruby's
# ActiveRecord (Debian packages). psql and pgbench come from the system
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

# The Go applications of the framework suite: Debian's Go and driver packages, built offline
# in GOPATH mode against /usr/share/gocode (no module download). The Ruby application: Debian's
# Ruby with ActiveRecord and the pg gem.
system_packages=(golang-go golang-github-jackc-pgx-v4-dev golang-github-lib-pq-dev ruby ruby-activerecord ruby-pg)
missing=()
for package in "${system_packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
for app in pgxapp pqapp; do
    GOPATH="$here/go:/usr/share/gocode" GO111MODULE=off GOFLAGS= GOCACHE="$here/go/.cache" \
        go build -o "$here/go/bin/$app" "$app"
done
