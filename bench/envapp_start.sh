#!/usr/bin/env bash
# envapp start time, before and after a change, side by side in one run: time from process start
# to the first 200 on GET / (curl every 5 ms, as bench/envapp.sh times it) and the server's CPU
# time until then, for each build with its own jvm.options, with and without its own AppCDS archive
# (trained with --smoke-test, as the Dockerfile does). Rounds alternate the builds, so both see the
# same noise. Prints the medians; a script, not a test: it never fails on figures.
#
# Usage: bench/envapp_start.sh BEFORE-REV      e.g. bench/envapp_start.sh 8f30fb7
#        (after = the working tree's envapp; before = envapp at BEFORE-REV, built offline)
# Knobs (environment): ROUNDS=15 JAVA=java PORT_BASE=18090 EXTRA_ENV="" (more NAME=VALUE pairs)
set -euo pipefail

BEFORE="${1:?usage: bench/envapp_start.sh BEFORE-REV}"
ROUNDS="${ROUNDS:-15}"
JAVA="${JAVA:-java}"
PORT_BASE="${PORT_BASE:-18090}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/envapp-start.XXXXXX)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -9 "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=bench/envapp_common.sh
source "$root/bench/envapp_common.sh"
command -v curl >/dev/null || die "curl is missing: sudo apt-get install curl"

# --- the two builds: $work/<build>/{envapp.jar,lib/,jvm.options,envapp.jsa} ----------------------
echo "bench: building envapp at $BEFORE and in the working tree"
mkdir -p "$work/before-src"
git -C "$root" archive "$BEFORE" pom.xml mvnw .mvn envapp | tar -x -C "$work/before-src"
for build in before after; do
  src="$root"; [[ "$build" == before ]] && src="$work/before-src"
  (cd "$src" && ./mvnw -B -o -q -f envapp/pom.xml -DskipTests package) >"$work/$build-build.log" 2>&1 ||
    die "building $build failed: $(tail -20 "$work/$build-build.log")"
  mkdir -p "$work/$build"
  cp -r "$src/envapp/target/envapp.jar" "$src/envapp/target/lib" "$work/$build/"
  cp "$src/envapp/src/main/jib/app/jvm.options" "$work/$build/"
  "${run_env[@]}" "$JAVA" -XX:ArchiveClassesAtExit="$work/$build/envapp.jsa" "@$work/$build/jvm.options" \
    -jar "$work/$build/envapp.jar" --smoke-test >"$work/$build-cds.log" 2>&1 ||
    die "AppCDS training of $build failed: $(cat "$work/$build-cds.log")"
done

# start BUILD cds|plain: one start; appends "first200_ms cpu_ms" to $work/BUILD-MODE.txt.
start() {
  local build="$1" mode="$2" port=$((PORT_BASE + RANDOM % 100)) t0 cds=()
  [[ "$mode" == cds ]] && cds=(-XX:SharedArchiveFile="$work/$build/envapp.jsa")
  t0="$(now_ns)"
  # shellcheck disable=SC2086 # EXTRA_ENV is a list of NAME=VALUE words
  "${run_env[@]}" ${EXTRA_ENV:-} PORT="$port" MALLOC_ARENA_MAX=2 ENVAPP_SHUTDOWN_DELAY_MS=0 \
    "$JAVA" "${cds[@]}" "@$work/$build/jvm.options" -jar "$work/$build/envapp.jar" >"$work/run.log" 2>&1 &
  server_pid=$!
  await_first_200 "$port" "$t0"
  echo "$start_ms $(($(cpu_ticks) * 1000 / $(getconf CLK_TCK)))" >>"$work/$build-$mode.txt"
  stop_server
}

echo "bench: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: java: $("$JAVA" -version 2>&1 | head -n 1); $ROUNDS rounds, each: before and after, with and without AppCDS"
for round in $(seq "$ROUNDS"); do
  for mode in cds plain; do
    for build in before after; do start "$build" "$mode"; done
  done
  printf 'bench: round %2d  before %s/%s ms  after %s/%s ms (first 200 with/without AppCDS)\n' "$round" \
    "$(tail -1 "$work/before-cds.txt" | cut -d' ' -f1)" "$(tail -1 "$work/before-plain.txt" | cut -d' ' -f1)" \
    "$(tail -1 "$work/after-cds.txt" | cut -d' ' -f1)" "$(tail -1 "$work/after-plain.txt" | cut -d' ' -f1)"
done
echo "bench: load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

col() { awk -v c="$2" '{print $c}' "$work/$1.txt" | median; }
echo
echo "Median of $ROUNDS rounds:"
echo "|                                      | before ($BEFORE) | after |"
echo "|--------------------------------------|------------------|-------|"
echo "| first 200, with AppCDS (ms)          | $(col before-cds 1) | $(col after-cds 1) |"
echo "| first 200, without AppCDS (ms)       | $(col before-plain 1) | $(col after-plain 1) |"
echo "| server CPU until then, AppCDS (ms)   | $(col before-cds 2) | $(col after-cds 2) |"
echo "| server CPU until then, no AppCDS (ms)| $(col before-plain 2) | $(col after-plain 2) |"
