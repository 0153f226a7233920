#!/usr/bin/env bash
# Does the generator run flat? An endurance test against an in-process DemoTarget in a 256 MB heap; the live heap
# (after a full GC) once a minute, its slope, and the run's own drift analysis of the generator's heap floor.
# Bounded by `timeout`. Env: MINUTES (15), RATE (1000 arrivals/s, 3 requests each), PLANNED_MINUTES (= MINUTES; a
# longer plan is stopped after MINUTES and keeps the coarser snapshots of a long run). See bench/README.md.
set -euo pipefail

MINUTES=${MINUTES:-15}
RATE=${RATE:-1000}
PLANNED_MINUTES=${PLANNED_MINUTES:-$MINUTES}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")

if [ ! -d "$HERE/target/lib" ]; then
    (cd "$ROOT" && ./mvnw -q -o -Pbench -pl bench -am package -DskipTests)
fi
JAVA=java
JAVA_OPTS=(-Xmx256m)
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    JAVA_OPTS+=(-XX:+UseCompactObjectHeaders)
fi
echo "jdk: $("$JAVA" -version 2>&1 | sed -n 2p) ${JAVA_OPTS[*]}; $(nproc) cpus shared by generator and target"

rc=0
(cd "$HERE" && timeout $((MINUTES * 60 + 120)) "$JAVA" "${JAVA_OPTS[@]}" -cp "$HERE/target/classes:$HERE/target/lib/*" \
    dev.onrush.bench.EnduranceMain "$MINUTES" "$RATE" "$PLANNED_MINUTES") 2>&1 | grep '^endurance ' || rc=$?
echo "exit=$rc"
