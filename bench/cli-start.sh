#!/usr/bin/env bash
# What the command line costs `serve`'s start: `java -jar JAR --script examples/scripts/shop.yaml
# --port 0` from spawn until it prints its listening line, for two jars in turn (for instance
# this build and one built before a change to the command line), rounds interleaved with the
# order alternating, medians. Beside the wall time, the CPU time the process had used by then
# (every thread), steadier on a shared host.
#
#   bench/cli-start.sh OTHER_JAR [ROUNDS]    this build's jar vs OTHER_JAR, default 10 rounds
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/mockpg-core/target/mockpg.jar"
[ -e "$jar" ] || { echo "missing $jar: run mvn -DskipTests package first" >&2; exit 2; }
other="$1"; rounds="${2:-10}"
work="$(mktemp -d /tmp/mockpg-cli-start.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp "$jar" "$work/this.jar"; cp "$other" "$work/other.jar"

start() { # JAR -> "WALL_MS CPU_MS"
    python3 "$root/bench/lib/until_line.py" listening --cpu -- java -jar "$1" \
        --script "$root/examples/scripts/shop.yaml" --port 0 | awk '/^ms/ {w = $2} /^cpu-ms/ {c = $2} END {print w, c}'
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

for ((i = 0; i < rounds; i++)); do
    if ((i % 2 == 0)); then order="this other"; else order="other this"; fi
    for which in $order; do
        echo "$which $(start "$work/$which.jar")" >>"$work/runs"
    done
done
echo "java -jar JAR --script examples/scripts/shop.yaml --port 0 until listening, $rounds interleaved rounds," \
    "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for which in this other; do
    wall="$(awk -v w="$which" '$1 == w {print $2}' "$work/runs" | median)"
    cpu="$(awk -v w="$which" '$1 == w {print $3}' "$work/runs" | median)"
    echo "$which: median $wall ms wall, $cpu ms CPU; wall: $(awk -v w="$which" '$1 == w {printf "%s ", $2}' "$work/runs")"
    eval "${which}_wall=$wall ${which}_cpu=$cpu"
done
# shellcheck disable=SC2154
awk -v a="$this_wall" -v b="$other_wall" -v c="$this_cpu" -v d="$other_cpu" \
    'BEGIN {printf "this - other: %+.0f ms wall (ratio %.2f), %+.0f ms CPU (ratio %.2f)\n", a - b, a / b, c - d, c / d}'
