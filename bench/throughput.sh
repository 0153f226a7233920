#!/usr/bin/env bash
# Closed-loop throughput of Onrush (1 event loop) against wrk (1 thread), same nginx, same run.
# nginx gets CPU 0, the load generator CPU 1; they never run at the same time.
# Env: WARMUP_S (15), MEASURE_S (10), CONNECTIONS (50), PORT (18080). Everything is bounded by `timeout`.
# See bench/README.md.
set -euo pipefail

WARMUP_S=${WARMUP_S:-15}
MEASURE_S=${MEASURE_S:-10}
CONNECTIONS=${CONNECTIONS:-50}
PORT=${PORT:-18080}
URL="http://127.0.0.1:${PORT}/"
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
TICKS=$(getconf CLK_TCK)

install_tools() {
    local missing=()
    command -v nginx >/dev/null || missing+=(nginx-light)
    command -v wrk >/dev/null || missing+=(wrk)
    command -v taskset >/dev/null || missing+=(util-linux)
    [ -x /usr/bin/time ] || missing+=(time)
    [ ${#missing[@]} -eq 0 ] && return
    # update the package lists only when the install fails without it
    apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
}

# CPU seconds (user + system) of process $1 so far, from /proc
cpu_seconds() {
    awk -v t="$TICKS" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"
}

install_tools

CP="$HERE/target/classes:$HERE/target/lib/*"
if [ ! -d "$HERE/target/lib" ]; then
    (cd "$ROOT" && ./mvnw -q -o -Pbench -pl bench -am package -DskipTests)
fi

WORK=$(mktemp -d /tmp/onrush-bench.XXXXXX)
NGINX_PID=
cleanup() {
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

mkdir -p "$WORK/logs"
cat > "$WORK/nginx.conf" <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    keepalive_timeout 60s;
    client_body_temp_path $WORK/body;
    proxy_temp_path $WORK/proxy;
    fastcgi_temp_path $WORK/fastcgi;
    uwsgi_temp_path $WORK/uwsgi;
    scgi_temp_path $WORK/scgi;
    server {
        listen 127.0.0.1:$PORT;
        location / { default_type text/plain; return 200 "ok"; }
    }
}
EOF

# master_process off: one process serves, so its /proc CPU is the server's CPU. Bounded by timeout.
TOTAL_S=$(( 2 * (WARMUP_S + MEASURE_S) + 120 ))
timeout "$TOTAL_S" taskset -c 0 nginx -p "$WORK" -c "$WORK/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 50); do
    curl -fs -o /dev/null "$URL" && break
    sleep 0.1
done
curl -fs -o /dev/null "$URL" || { echo "nginx did not start:"; cat "$WORK/logs/error.log"; exit 1; }
SERVER_PID=$(pgrep -P "$NGINX_PID" nginx || echo "$NGINX_PID") # timeout's child

echo "machine: $(nproc) cpus, $(lscpu | sed -n 's/^Model name: *//p')"
echo "nginx $(nginx -v 2>&1 | sed 's/.*\///') on cpu 0 (pid $SERVER_PID), generators on cpu 1, ${CONNECTIONS} connections"

# --- wrk: warm-up, then the measured run
timeout $((WARMUP_S + 10)) taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${WARMUP_S}s" "$URL" >/dev/null
s0=$(cpu_seconds "$SERVER_PID")
timeout $((MEASURE_S + 10)) /usr/bin/time -f "%U %S" -o "$WORK/wrk.time" \
    taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${MEASURE_S}s" --latency "$URL" > "$WORK/wrk.out"
s1=$(cpu_seconds "$SERVER_PID")
WRK_RPS=$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk.out")
WRK_REQUESTS=$(awk '/requests in/ { print $1 }' "$WORK/wrk.out")
WRK_P50=$(awk '$1 == "50%" { print $2 }' "$WORK/wrk.out")
WRK_P99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.out")
WRK_CPU=$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/wrk.time")
WRK_US=$(awk -v c="$WRK_CPU" -v n="$WRK_REQUESTS" 'BEGIN { printf "%.2f", c * 1e6 / n }')
WRK_SERVER_UTIL=$(awk -v a="$s0" -v b="$s1" -v d="$MEASURE_S" 'BEGIN { printf "%.0f", (b - a) * 100 / d }')
echo "wrk    rps=$WRK_RPS p50=$WRK_P50 p99=$WRK_P99 cpu_s=$WRK_CPU cpu_us_per_request=$WRK_US nginx_cpu=${WRK_SERVER_UTIL}%"

# --- Onrush: Temurin 25 with compact object headers when present, else the default Java 17
JAVA=java
JAVA_OPTS=(-Xms512m -Xmx512m)
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    JAVA_OPTS+=(-XX:+UseCompactObjectHeaders)
fi
echo "jdk: $("$JAVA" -version 2>&1 | sed -n 2p) ${JAVA_OPTS[*]}"
(cd "$HERE" && timeout $((WARMUP_S + MEASURE_S + 60)) taskset -c 1 "$JAVA" "${JAVA_OPTS[@]}" -cp "$CP" \
    dev.onrush.bench.ThroughputMain "$URL" "$WARMUP_S" "$MEASURE_S" "$CONNECTIONS" \
    > "$WORK/onrush.out" 2> "$WORK/onrush.err") &
JAVA_RUN=$!
# nginx CPU over roughly the measured phase (JVM start-up shifts it by well under a second)
sleep "$((WARMUP_S + 1))"
s0=$(cpu_seconds "$SERVER_PID")
sleep "$((MEASURE_S - 2))"
s1=$(cpu_seconds "$SERVER_PID")
wait "$JAVA_RUN" || { echo "ThroughputMain failed:"; cat "$WORK/onrush.err"; exit 1; }
ONRUSH_SERVER_UTIL=$(awk -v a="$s0" -v b="$s1" -v d="$((MEASURE_S - 2))" 'BEGIN { printf "%.0f", (b - a) * 100 / d }')
ONRUSH_LINE=$(grep '^onrush ' "$WORK/onrush.out")
echo "$ONRUSH_LINE nginx_cpu=${ONRUSH_SERVER_UTIL}%"

ONRUSH_RPS=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<< "$ONRUSH_LINE")
ONRUSH_US=$(sed -n 's/.*cpu_us_per_request=\([0-9.NaN]*\).*/\1/p' <<< "$ONRUSH_LINE")
awk -v o="$ONRUSH_RPS" -v w="$WRK_RPS" -v ou="$ONRUSH_US" -v wu="$WRK_US" 'BEGIN {
    printf "ratio onrush_rps/wrk_rps=%.2f cpu_per_request onrush/wrk=%.1fx\n", o / w, ou / wu }'
