#!/usr/bin/env bash
# Startup of `onrush serve` (JVM mode) to its first answered API request, N times; prints the median in ms.
#   bench/serve-startup.sh [JAVA] [N] [extra JVM options...]
# e.g. bench/serve-startup.sh /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 5 -XX:AOTCache=target/onrush.aot
# Build first: ./mvnw -q -pl quarkus-app -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${1:-java}; N=${2:-5}; shift $(( $# > 2 ? 2 : $# ))
JAR=quarkus-app/target/quarkus-app/quarkus-run.jar
PORT=${PORT:-18765}
WORK=$(mktemp -d)
times=()
for i in $(seq "$N"); do
  start=$(date +%s%N)
  ONRUSH_SERVE_TOKEN=bench "$JAVA" "$@" -jar "$JAR" serve --port "$PORT" --host 127.0.0.1 --results "$WORK" \
      >"$WORK/log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -H 'Authorization: Bearer bench' "http://127.0.0.1:$PORT/api/tests"; do
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/log"; exit 1; }
    sleep 0.005
  done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "runs (ms): ${times[*]}  median: ${sorted[$(( N / 2 ))]} ms  ($("$JAVA" -version 2>&1 | head -1); options: ${*:-none})"
rm -rf "$WORK"
