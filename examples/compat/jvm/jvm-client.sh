#!/usr/bin/env bash
# A JVM client of the compatibility suite (pgjdbc in its three modes, HikariCP, r2dbc-postgresql,
# Vert.x) outside JUnit, for the differential suite (differential.sh):
#
#   bash examples/compat/jvm/jvm-client.sh pgjdbc-default|pgjdbc-simple|pgjdbc-binary|hikari|r2dbc|vertx \
#       --observe --port PORT [--host HOST]      (password: PGPASSWORD)
#
# Runs io.mockpg.examples.compat.ObserveClient from the examples module's test classes, on the
# class path the build wrote to examples/target/compat-classpath.txt: needs `mvn -B verify` or
# `mvn -DskipTests package` first.
set -euo pipefail
target="$(cd "$(dirname "$0")/../.." && pwd)/target"
[ -s "$target/compat-classpath.txt" ] && [ -d "$target/test-classes" ] \
    || { echo "missing $target/compat-classpath.txt or test-classes: build first (mvn -DskipTests package)" >&2; exit 2; }
exec java -cp "$target/test-classes:$target/classes:$(cat "$target/compat-classpath.txt")" \
    io.mockpg.examples.compat.ObserveClient "$@"
