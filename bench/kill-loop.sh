#!/usr/bin/env bash
# Crash safety of the writer, with figures (issue 17). Two parts, each prints its own lines:
#
#   loop  kill -9 a real generate of the bench's synthetic catalog at random points, ITERATIONS times:
#         each run turns the tree from one appVersion to the other for the first CHANGED of SERVICES
#         services (an appVersion changes each service's Chart.yaml and kustomization.yaml, and leaves
#         its templates and gitops directories alone: so a run rewrites a file in many directories
#         and moves the many untouched ones through the journal). After each kill, the recovery every write starts with (GenerateCatalog --recover)
#         must leave exactly the old or the new tree, with the hand-added files; then the next run
#         must finish and leave exactly the new tree, and nothing beside it. Fails at the first miss.
#   cost  what fsync costs: the same writes with and without it (-Dchartascode.bench.fsync=false),
#         interleaved, COST_RUNS rounds: a fresh tree and a changed one; the in-JVM write time.
#
# Usage: bench/kill-loop.sh [loop] [cost]   (no argument: both)
# Knobs (environment): ITERATIONS=200 SERVICES=100 CHANGED=SERVICES COST_RUNS=5 SEED=$RANDOM
#   JAVA=java JAVA_OPTS=(.mvn/jvm.config)  JAR=bench/generator-jmh/target/generator-bench.jar
#   (built with `./mvnw -q -o -pl bench/generator-jmh -am package -Dmaven.test.skip=true` if missing)
set -euo pipefail

ITERATIONS="${ITERATIONS:-200}"
SERVICES="${SERVICES:-100}"
CHANGED="${CHANGED:-$SERVICES}"
COST_RUNS="${COST_RUNS:-5}"
SEED="${SEED:-$RANDOM}"
JAVA="${JAVA:-java}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_OPTS="${JAVA_OPTS:-$(tr '\n' ' ' 2>/dev/null <"$root/.mvn/jvm.config" || true)}"
JAR="${JAR:-$root/bench/generator-jmh/target/generator-bench.jar}"
work="$(mktemp -d "${TMPDIR:-/tmp}/kill-loop.XXXXXX")"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
RANDOM="$SEED"

die() { echo "kill-loop: $*" >&2; exit 1; }
log() { echo "kill-loop: $*" >&2; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

parts=("$@")
((${#parts[@]})) || parts=(loop cost)
for part in "${parts[@]}"; do
  [[ "$part" =~ ^(loop|cost)$ ]] || die "unknown part '$part'; use loop or cost"
done

if [[ ! -f "$JAR" ]]; then
  log "building $JAR"
  (cd "$root" && ./mvnw -q -o -pl bench/generator-jmh -am package -Dmaven.test.skip=true) >&2
fi

# generate_command OUT VERSION [JVM options...]: sets `command` to one run of the real generator over OUT.
generate_command() {
  local out="$1" version="$2"
  shift 2
  # shellcheck disable=SC2206 # JAVA_OPTS is a list of options
  command=("$JAVA" $JAVA_OPTS "$@" -Dchartascode.bench.services="$SERVICES" -Dchartascode.bench.changedServices="$CHANGED"
    -Dchartascode.bench.appVersion="$version" -cp "$JAR" io.chartascode.bench.GenerateCatalog "$out"
    io.chartascode.bench.SyntheticCatalog)
}

generate() {
  local command
  generate_command "$@"
  "${command[@]}"
}

recover() {
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS -cp "$JAR" io.chartascode.bench.GenerateCatalog "$1" --recover
}

# Hand-added files: at the root, in a service the runs change, in one they leave alone.
HAND_ADDED=("NOTES.md" "helm/envapp/templates/extra-configmap.yaml" "kustomize/envapp-$(printf %03d "$SERVICES")/base/mine.txt")
add_hand_files() {
  local f
  for f in "${HAND_ADDED[@]}"; do
    mkdir -p "$(dirname "$1/$f")"
    echo "added by hand: $f" >"$1/$f"
  done
}

# only_tree DIR: the parent of the tree holds the tree and nothing else (no staging, journal or lock).
only_tree() {
  [[ "$(find "$1" -mindepth 1 -maxdepth 1 -printf '%f\n')" == generated ]]
}

loop() {
  local a=1.0.0-a b=1.0.0-b
  log "loop: $ITERATIONS kills; $SERVICES services, $CHANGED of them change each run; seed $SEED"
  mkdir -p "$work/ref-a" "$work/ref-b" "$work/t"
  generate "$work/ref-a/generated" "$a" >/dev/null
  generate "$work/ref-b/generated" "$b" >/dev/null
  add_hand_files "$work/ref-a/generated"
  add_hand_files "$work/ref-b/generated"
  local files changed
  files="$(find "$work/ref-a/generated" -type f | wc -l)"
  changed="$({ diff -rq "$work/ref-a/generated" "$work/ref-b/generated" || true; } | wc -l)"
  log "loop: the tree has $files files; a run changes $changed of them"
  cp -a "$work/ref-a/generated" "$work/t/generated"
  local tree="$work/t/generated"

  # Calibrate: where in a run the write is (JVM start and render come first).
  local t0 t1 total write out
  t0="$(now_ms)"
  out="$(generate "$tree" "$b")"
  t1="$(now_ms)"
  generate "$tree" "$a" >/dev/null
  total=$((t1 - t0))
  write="$(sed -n 's/.*write \([0-9]*\) ms.*/\1/p' <<<"$out")"
  log "loop: a run takes $total ms, of which the write $write ms"

  local i from to ref_from ref_to pid delay aim midwrite=0 old=0 new=0 finished=0 start rc command
  start="$(now_ms)"
  for ((i = 1; i <= ITERATIONS; i++)); do
    if ((i % 2)); then from=a to=b; else from=b to=a; fi
    ref_from="$work/ref-$from/generated"
    ref_to="$work/ref-$to/generated"
    # The JVM itself in the background (not a subshell around it), so that kill -9 hits the JVM.
    generate_command "$tree" "1.0.0-$to"
    "${command[@]}" >"$work/run.log" 2>&1 &
    pid=$!
    # Three kills in four aim at the write: a random point of it, from the line the run prints just
    # before it starts writing. The fourth lands anywhere in the run.
    if ((RANDOM % 4)); then
      aim="the write"
      while kill -0 "$pid" 2>/dev/null && ! grep -q 'rendered, writing' "$work/run.log"; do sleep 0.01; done
      delay=$((RANDOM % (write * 6 / 5 + 1)))
    else
      aim="the run"
      delay=$((RANDOM % (total + 1)))
    fi
    sleep "$(awk -v ms="$delay" 'BEGIN { printf "%.3f", ms / 1000 }')"
    kill -9 "$pid" 2>/dev/null || true
    rc=0
    wait "$pid" 2>/dev/null || rc=$?
    case "$rc" in
      0) finished=$((finished + 1)) ;;
      137) ;;
      *) cat "$work/run.log" >&2; die "iteration $i: the run exited $rc before it was killed" ;;
    esac
    if [[ -e "$work/t/.generated.staging" || -e "$work/t/.generated.borrowed" || -e "$work/t/.generated.previous" ]]; then
      midwrite=$((midwrite + 1))
    fi
    recover "$tree" >"$work/recover.log" 2>&1 || { cat "$work/recover.log" >&2; die "iteration $i: recovery failed"; }
    if diff -rq "$tree" "$ref_from" >/dev/null; then
      old=$((old + 1))
    elif diff -rq "$tree" "$ref_to" >/dev/null; then
      new=$((new + 1))
    else
      diff -rq "$tree" "$ref_from" | head -n 20 >&2 || true
      die "iteration $i (seed $SEED, killed $delay ms into $aim): the tree is neither the old nor the new output"
    fi
    only_tree "$work/t" || die "iteration $i: left beside the tree after recovery: $(ls -A "$work/t")"
    generate "$tree" "1.0.0-$to" >"$work/run.log" 2>&1 || { cat "$work/run.log" >&2; die "iteration $i: the next run failed"; }
    diff -rq "$tree" "$ref_to" >&2 || die "iteration $i: the next run did not leave exactly the new output"
    only_tree "$work/t" || die "iteration $i: left beside the tree after the next run: $(ls -A "$work/t")"
    ((i % 20)) || log "loop: $i/$ITERATIONS: $old old, $new new, $midwrite interrupted mid-write, $finished finished before the kill"
  done
  echo "kill-loop: $ITERATIONS kills (seed $SEED; $SERVICES services, $files files, $changed changed per run;" \
    "run $total ms, write $write ms): $old left the old tree, $new the new one, $midwrite interrupted a write," \
    "$finished finished before the kill;" \
    "every next run finished with exactly the new tree; $(($(now_ms) - start)) ms"
}

# write_ms LOG: the in-JVM write time GenerateCatalog printed.
write_ms() { sed -n 's/.*write \([0-9]*\) ms.*/\1/p' "$1"; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cost() {
  log "cost: $COST_RUNS rounds, fsync off and on interleaved; $SERVICES services, $CHANGED changed"
  local r mode sync
  for mode in off on; do : >"$work/cost-fresh-$mode" && : >"$work/cost-changed-$mode"; done
  for ((r = 1; r <= COST_RUNS; r++)); do
    for mode in off on; do
      [[ "$mode" == on ]] && sync=true || sync=false
      rm -rf "$work/cost-$mode"
      generate "$work/cost-$mode/generated" 1.0.0-a -Dchartascode.bench.fsync="$sync" >"$work/cost.log"
      write_ms "$work/cost.log" >>"$work/cost-fresh-$mode"
      generate "$work/cost-$mode/generated" "1.0.0-r$r" -Dchartascode.bench.fsync="$sync" >"$work/cost.log"
      write_ms "$work/cost.log" >>"$work/cost-changed-$mode"
    done
  done
  local kind
  for kind in fresh changed; do
    echo "kill-loop: cost, $kind tree ($SERVICES services): write without fsync $(median <"$work/cost-$kind-off") ms," \
      "with fsync $(median <"$work/cost-$kind-on") ms (medians of $COST_RUNS; runs:" \
      "off $(paste -sd' ' "$work/cost-$kind-off"), on $(paste -sd' ' "$work/cost-$kind-on"))"
  done
}

for part in "${parts[@]}"; do
  "$part"
done
