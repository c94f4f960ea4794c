#!/usr/bin/env bash
# Runs the order service's tests against the mockpg standalone server:
# builds the jar if needed, makes a virtualenv with psycopg and pytest, runs pytest.
# Exit status: pytest's (non-zero when a test fails).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
jar="${MOCKPG_JAR:-$repo/mockpg-core/target/mockpg.jar}"

if [[ ! -f "$jar" ]]; then
    echo "building $jar" >&2
    (cd "$repo" && mvn -q -pl mockpg-core -am -DskipTests package)
fi
export MOCKPG_JAR="$jar"

venv="$here/.venv"
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import psycopg, pytest" 2>/dev/null; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "psycopg[binary]>=3.1" "pytest>=7"
fi

cd "$here"
exec "$venv/bin/python" -m pytest -q tests "$@"
