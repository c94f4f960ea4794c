#!/usr/bin/env bash
# Coverage-guided fuzzing of both targets for a short while (docs/robustness.md, "Fuzzing"):
# CI runs it on every build. Each target starts from its seed inputs (every input that ever
# failed is one) copied to a scratch corpus, and runs under Jazzer's own driver until the time
# is up or an input fails; a failing input is kept and printed (base64) and the exit code is 1.
#
#   tools/fuzz.sh [SECONDS]     default 60 seconds per target
#
# Needs the test classes (mvn verify or test-compile has run) and Maven for the class path.
set -euo pipefail

seconds="${1:-60}"
case "$seconds" in
    '' | *[!0-9]*) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
root="$(cd "$(dirname "$0")/.." && pwd)"
core="$root/mockpg-core"
[ -d "$core/target/test-classes" ] || { echo "no test classes: run mvn -B verify first" >&2; exit 2; }
work="$(mktemp -d /tmp/mockpg-fuzz.XXXXXX)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -q -B -o -pl mockpg-core dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/cp.txt" >/dev/null)
classpath="$core/target/classes:$core/target/test-classes:$(cat "$work/cp.txt")"

fuzz() { # test class (simple name), its package folder, method, then Jazzer's extra options
    local class="$1" folder="$2" method="$3"
    shift 3
    local corpus="$work/$class-corpus" crashes="$work/$class-crashes"
    mkdir -p "$corpus" "$crashes"
    cp "$core/src/test/resources/$folder/${class}Inputs/$method/"* "$corpus/"
    local package="${folder//\//.}"
    if ! java -Xmx1g -Dio.netty.leakDetection.level=disabled -Dorg.slf4j.simpleLogger.defaultLogLevel=off \
        -cp "$classpath" com.code_intelligence.jazzer.Jazzer --target_class="$package.$class" \
        --target_method="$method" "$@" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$crashes/" "$corpus" >"$work/$class.log" 2>&1; then
        grep -v '^INFO: ' "$work/$class.log" | tail -40
        for input in "$crashes"/*; do
            [ -e "$input" ] && echo "failing input $(basename "$input"): $(base64 -w0 "$input")"
        done
        echo "$class: an input failed (add it to the seeds in src/test/resources/$folder/${class}Inputs/$method/)"
        return 1
    fi
    echo "$class: $(awk '/stat::number_of_executed_units/ {print $2}' "$work/$class.log") inputs in ${seconds} s, none failed"
}

fuzz ProtocolFuzzTest io/mockpg/internal/server anyBytesFromAClient '--instrumentation_includes=io.mockpg.**'
fuzz ScriptLoaderFuzzTest io/mockpg/internal/script/yaml anyScriptText \
    '--instrumentation_includes=io.mockpg.**:org.yaml.snakeyaml.**' \
    --disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexInjection -max_len=4096
