#!/usr/bin/env bash
# envapp benchmark: our JDK-only envapp jar against the Flask original (bench/envapp_flask.py under
# Debian's gunicorn, one worker per core), side by side in one run, on loopback, with wrk.
#
# Prints for both: req/s, p50 and p99 latency, RSS after load, time from process start to the first
# 200, server CPU per request, the response size, and the ratios. envapp starts as the image starts
# it (jvm.options, MALLOC_ARENA_MAX=2, an AppCDS archive trained with --smoke-test); its first 200
# is also timed without the archive, as Jib's image starts. A script, not a test: it prints and
# never fails on figures. Results are recorded in docs/benchmarks.md.
#
# Usage: bench/envapp.sh
# Knobs (environment): ROUNDS=3 DURATION=10 WARMUP=10 CONNECTIONS=50 WRK_THREADS=1
#                      JAVA=java (e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
# Bounded: every round is WARMUP+DURATION seconds per server, every wait has a timeout, and the
# servers it started are stopped on exit. Loopback only.
set -euo pipefail

ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-10}"
CONNECTIONS="${CONNECTIONS:-50}"
WRK_THREADS="${WRK_THREADS:-1}"
JAVA="${JAVA:-java}"
JAVA_PORT="${JAVA_PORT:-18080}"
FLASK_PORT="${FLASK_PORT:-18081}"
CORES="$(nproc)"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/envapp/target/envapp.jar"
jvm_options="$root/envapp/src/main/jib/app/jvm.options"
work="$(mktemp -d /tmp/envapp-bench.XXXXXX)"
server_pid=""

cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=bench/envapp_common.sh
source "$root/bench/envapp_common.sh"


# --- prerequisites: Debian's wrk, curl, python3-flask, gunicorn -----------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
[[ -x /usr/bin/gunicorn ]] || missing+=(gunicorn)
/usr/bin/python3 -c 'import flask' 2>/dev/null || missing+=(python3-flask)
if ((${#missing[@]})); then
  [[ "$(id -u)" == 0 ]] || die "missing ${missing[*]}: sudo apt-get install ${missing[*]}"
  echo "bench: installing ${missing[*]} (Debian)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
fi

# --- the jar, built if missing or older than its sources -----------------------------------------
if [[ ! -f "$jar" ]] || [[ -n "$(find "$root/envapp/src/main" "$root/envapp/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "bench: building $jar"
  (cd "$root" && ./mvnw -q -f envapp/pom.xml -DskipTests package)
fi

# As the image starts it: the shared jvm.options, MALLOC_ARENA_MAX=2, and the AppCDS archive that
# the Dockerfile trains with --smoke-test (pass no_cds to start as Jib's image does, without it).
start_java() {
  local t0 cds=(-XX:SharedArchiveFile="$work/envapp.jsa")
  [[ "${1:-}" == no_cds ]] && cds=()
  t0="$(now_ns)"
  "${run_env[@]}" PORT="$JAVA_PORT" MALLOC_ARENA_MAX=2 \
    "$JAVA" "${cds[@]}" "@$jvm_options" -jar "$jar" >"$work/java.log" 2>&1 &
  server_pid=$!
  await_first_200 "$JAVA_PORT" "$t0"
}

start_flask() {
  local t0
  t0="$(now_ns)"
  "${run_env[@]}" /usr/bin/gunicorn --workers "$CORES" --bind "127.0.0.1:$FLASK_PORT" \
    --chdir "$root/bench" envapp_flask:app >"$work/flask.log" 2>&1 &
  server_pid=$!
  await_first_200 "$FLASK_PORT" "$t0"
}

# wrk latency like 812.00us / 1.16ms / 1.02s -> ms
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# One measured load: prints "rps p50_ms p99_ms rss_kib_at_end rss_kib_2s_later cpu_us_per_request".
load() {
  local port="$1" out cpu_before cpu_after
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:$port/" >/dev/null
  cpu_before="$(cpu_ticks)"
  out="$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$port/")"
  cpu_after="$(cpu_ticks)"
  echo "$out" >>"$work/wrk.txt"
  local rps p50 p99 requests cpu_us
  rps="$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  cpu_us="$(awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "%.1f", (n ? t * 1000000 / hz / n : 0) }')"
  local rss_end
  rss_end="$(rss_kib)"
  sleep 2
  echo "$rps $p50 $p99 $rss_end $(rss_kib) $cpu_us"
}


echo "bench: $(date -u +%FT%TZ), $CORES cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: java: $("$JAVA" -version 2>&1 | head -n 1); flask $(/usr/bin/python3 -c 'import flask; print(flask.__version__)'), gunicorn $(/usr/bin/python3 -c 'import gunicorn; print(gunicorn.__version__)')"
echo "bench: $ROUNDS round(s), each: start, first 200, wrk -t$WRK_THREADS -c$CONNECTIONS ${WARMUP}s warm-up then ${DURATION}s measured, GET /"
"${run_env[@]}" "$JAVA" -XX:ArchiveClassesAtExit="$work/envapp.jsa" "@$jvm_options" -jar "$jar" --smoke-test \
  >"$work/cds.log" 2>&1 || die "AppCDS training (--smoke-test) failed: $(cat "$work/cds.log")"

for round in $(seq "$ROUNDS"); do
  for server in java flask; do
    plain_ms=""
    if [[ "$server" == java ]]; then
      start_java no_cds && plain_ms="$start_ms" && stop_server
    fi
    start_"$server"
    port="$JAVA_PORT"; [[ "$server" == flask ]] && port="$FLASK_PORT"
    bytes="$(curl -s "http://127.0.0.1:$port/" | wc -c)"
    read -r rps p50 p99 rss rss_later cpu_us <<<"$(load "$port")"
    stop_server
    echo "$start_ms $rps $p50 $p99 $rss $bytes $rss_later $cpu_us ${plain_ms:-$start_ms}" >>"$work/$server.txt"
    printf 'bench: round %d %-5s req/s %6s  p50 %5s ms  p99 %6s ms  RSS %5.1f MiB (%5.1f 2 s later)  first 200 %4s ms%s  CPU %5s us/req\n' \
      "$round" "$server" "$rps" "$p50" "$p99" "$(awk -v k="$rss" 'BEGIN{print k/1024}')" \
      "$(awk -v k="$rss_later" 'BEGIN{print k/1024}')" "$start_ms" "${plain_ms:+ ($plain_ms without AppCDS)}" "$cpu_us"
  done
done

col() { awk -v c="$2" '{print $c}' "$work/$1.txt" | median; }
# The medians, by server and column: m[java.rps], m[flask.p99], ...
declare -A m
columns=(start rps p50 p99 rss bytes rss_later cpu plain)
for server in java flask; do
  for i in "${!columns[@]}"; do
    m[$server.${columns[i]}]="$(col "$server" $((i + 1)))"
  done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", (b == 0 ? 0 : a / b) }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
# row LABEL JAVA-KEY FLASK-KEY [mib]: one line of the table, the two medians and their ratio.
row() {
  local a="${m[$2]}" b="${m[$3]}"
  if [[ "${4:-}" == mib ]]; then a="$(mib "$a")" b="$(mib "$b")"; fi
  printf '| %-27s | %14s | %22s | %13s |\n' "$1" "$a" "$b" "$(ratio "${m[$2]}" "${m[$3]}")"
}

echo
echo "Median of $ROUNDS round(s):"
printf '| %-27s | %14s | %22s | %13s |\n' "" "envapp (JDK)" "Flask (gunicorn -w $CORES)" "envapp/Flask"
printf '|%s|%s|%s|%s|\n' "-----------------------------" "----------------" "------------------------" "---------------"
row "requests/s" java.rps flask.rps
row "p50 latency (ms)" java.p50 flask.p50
row "p99 latency (ms)" java.p99 flask.p99
row "RSS as load ends (MiB)" java.rss flask.rss mib
row "RSS 2 s later (MiB)" java.rss_later flask.rss_later mib
row "start to first 200 (ms)" java.start flask.start
row "  the same, without AppCDS" java.plain flask.start
row "server CPU per request (us)" java.cpu flask.cpu
row "response body (bytes)" java.bytes flask.bytes
echo
verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo MISSED; fi; }
echo "Targets: req/s >= 5x Flask: $(verdict "${m[java.rps]} >= 5 * ${m[flask.rps]}");" \
  "p99 below Flask: $(verdict "${m[java.p99]} < ${m[flask.p99]}");" \
  "RSS <= 64 MiB as load ends: $(verdict "${m[java.rss]} <= 65536");" \
  "first 200 <= 500 ms: $(verdict "${m[java.start]} <= 500")"
