# shellcheck shell=bash
# shellcheck disable=SC2034 # run_env and start_ms are read by the scripts that source this file
# Shared by bench/envapp.sh and bench/envapp_start.sh: the servers' environment, the first-200
# timer, stopping a server, and /proc figures. Sourced, not run; expects $server_pid.

die() { echo "bench: $*" >&2; exit 1; }

# Both servers get the same, small environment, so both print the same variables (the Python
# one keeps gunicorn from writing bench/__pycache__).
run_env=(env -i PATH=/usr/bin:/bin HOME=/tmp LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
  HOSTNAME=envapp-7d9f8c6b5-x2kqp KUBERNETES_SERVICE_HOST=10.96.0.1 KUBERNETES_SERVICE_PORT=443
  ENVAPP_SERVICE_HOST=10.96.12.34 ENVAPP_SERVICE_PORT=8080 GREETING=hello LOG_LEVEL=info
  DATABASE_URL=postgres://app:secret@db:5432/app)

now_ns() { date +%s%N; }

# Polls until PORT answers 200 (bounded: 30 s); sets start_ms to the ms since T0.
await_first_200() {
  local port="$1" t0="$2" deadline=$(($(now_ns) + 30000000000))
  until [[ "$(curl -s -o /dev/null --max-time 1 -w '%{http_code}' "http://127.0.0.1:$port/" || true)" == 200 ]]; do
    (($(now_ns) < deadline)) || die "no 200 from port $port within 30 s"
    kill -0 "$server_pid" 2>/dev/null || die "server on port $port exited; see its log above"
    sleep 0.005
  done
  start_ms=$((($(now_ns) - t0) / 1000000))
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# sum_over_server FILE AWK-PROGRAM: the program's number from /proc/<pid>/FILE, summed over the
# server and its children (gunicorn's workers); 0 for a process that is gone.
sum_over_server() {
  local total=0 pid
  for pid in "$server_pid" $(pgrep -P "$server_pid" || true); do
    total=$((total + $(awk "$2" "/proc/$pid/$1" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# RSS of the server and its children, in KiB. (The $ are awk's, hence single quotes.)
# shellcheck disable=SC2016
rss_kib() { sum_over_server status '/^VmRSS:/ {print $2}'; }

# CPU time (user + system) of the server and its children, in clock ticks.
# shellcheck disable=SC2016
cpu_ticks() { sum_over_server stat '{print $14 + $15}'; }

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
