#!/usr/bin/env bash
# Many virtual users with a long think time against an in-process DemoTarget, in a 1 GB heap.
# Generator and target share one JVM and the machine's cores. Bounded by `timeout`.
# Env: USERS (100000), THINK_S (10), RAMP_S (10), STEADY_S (50), CONNECTIONS (200). See bench/README.md.
set -euo pipefail

USERS=${USERS:-100000}
THINK_S=${THINK_S:-10}
RAMP_S=${RAMP_S:-10}
STEADY_S=${STEADY_S:-50}
CONNECTIONS=${CONNECTIONS:-200}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")

if [ ! -d "$HERE/target/lib" ]; then
    (cd "$ROOT" && ./mvnw -q -o -Pbench -pl bench -am package -DskipTests)
fi
JAVA=java
JAVA_OPTS=(-Xmx1g)
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    JAVA_OPTS+=(-XX:+UseCompactObjectHeaders)
fi
echo "jdk: $("$JAVA" -version 2>&1 | sed -n 2p) ${JAVA_OPTS[*]}; $(nproc) cpus shared by generator and target"

LOG=$(mktemp /tmp/onrush-scale.XXXXXX)
trap 'rm -f "$LOG"' EXIT
rc=0
(cd "$HERE" && timeout $((RAMP_S + STEADY_S + 90)) "$JAVA" "${JAVA_OPTS[@]}" -cp "$HERE/target/classes:$HERE/target/lib/*" \
    dev.onrush.bench.ScaleMain "$USERS" "$THINK_S" "$RAMP_S" "$STEADY_S" "$CONNECTIONS") > "$LOG" 2>&1 || rc=$?
grep '^scale ' "$LOG" || true
# an OutOfMemoryError on an event loop is logged, not thrown to main
if grep -q 'OutOfMemoryError' "$LOG"; then oom=yes; else oom=no; fi
echo "exit=$rc oom_in_log=$oom"
[ "$rc" -eq 0 ] || tail -20 "$LOG"
