#!/usr/bin/env bash
# Generator benchmarks, in one go on this machine. Three parts, each prints its own table:
#
#   compare  whole processes, side by side, each in a single-module project with the same service:
#            our plugin in bench/consumer (a user's project: the README's dependency and plugin, with
#            envapp's model as its sources), `./mvnw -q -o -f bench/consumer/pom.xml generate-resources`,
#            against Eclipse JKube's `./mvnw -q -o -f bench/jkube/pom.xml k8s:resource k8s:helm` for the
#            same envapp Deployment, Service and HPA plus a Helm chart. Also: each project's `mvn validate`
#            (Maven's own start-up, the floor under both); ours with the goal skipped (what any plugin
#            costs there); ours after deleting target/ (the first run, which compiles the model); our
#            generator without Maven; this repository's whole reactor; and `helm template` /
#            `kubectl kustomize` on the output, as the render floor.
#   scale    N = 1, 10, 100 synthetic services (io.chartascode.bench.SyntheticCatalog) through the
#            real command line in one JVM each, without Maven: into a fresh tree (on disk, and on
#            tmpfs to tell the disk's cost apart), over an unchanged tree, and over a changed one
#            (one service's release bump); wall time, CPU time, peak RSS, and the in-JVM split
#            (model+render, write) from io.chartascode.bench.ScaleRun.
#   jmh      the JMH benchmarks of bench/generator-jmh (render, validate, writes on disk and on
#            tmpfs) for N = 1, 10, 100, with allocation per operation, and the 100/1 ratios.
#   profile  (not in the default set) async-profiler (from Maven Central, pinned; no perf events
#            needed): where the CPU of one cold 100-service run goes (itimer), and where the wall
#            time of the consumer's `mvn -q -o generate-resources` goes (wall clock, Maven's main
#            thread, which runs the plugin).
#
# Usage: bench/generate.sh [compare] [scale] [jmh] [profile]   (no argument: the first three, about 50 minutes)
# Knobs (environment):
#   RUNS=10 WARMUP=2     measured and discarded rounds of `compare`
#   SCALE_RUNS=5         measured rounds of `scale` (after one discarded)
#   SERVICES="1 10 100"  the N of `scale`
#   JMH_ARGS="..."       extra JMH options, e.g. "-f 1 -wi 2 -i 3" for a quicker, rougher run
#   JAVA=java JAVA_OPTS=...  the JVM of the runs without Maven (`scale`, `profile`, and our `java` line);
#                        JAVA_OPTS defaults to .mvn/jvm.config, the options Maven (and so the plugin)
#                        runs with; JAVA_OPTS=" " for the JVM's defaults (C2 as well)
#   RESULTS=/tmp/generator-bench-results   where the raw CSV/JSON and logs are kept
#   TMPFS=/dev/shm       a tmpfs for the runs that leave the disk out (skipped if it is not one)
#   MAVEN_JVM_CONFIG=... replaces the snapshot's .mvn/jvm.config (so every Maven command's JVM options,
#                        both sides alike); MAVEN_JVM_CONFIG= (empty) for the JVM's defaults, as in a
#                        project without .mvn/jvm.config. JAVA_OPTS follows it unless set.
#   M2_REPO=~/.m2/repository   read-only here: the private repository below takes what it has from it
#
# Our artifacts are never installed into ~/.m2: the warm-up installs this build's plugin and library
# into a private local repository in the temporary directory, as the plugin's invoker ITs do
# (generator/maven-plugin/src/it/settings.xml), with a settings file that reads $M2_REPO as a file://
# remote, so nothing already there is downloaded again. Every timed Maven command, JKube's included,
# runs with that same repository and settings file.
#
# Fair by construction: every command runs on the same snapshot of this repository (copied to a
# temporary directory, so the real generated/ is never touched), through the same Maven wrapper,
# JDK and .mvn/jvm.config (both projects are run from the snapshot's root with -f, so the wrapper's
# .mvn/ applies to both), offline (-o) after one online warm-up that resolves everything, and the
# commands are interleaved round by round (a different one first each round), so a noisy neighbour
# slows all of them alike. Each run is timed by the wall clock, and GNU time gives its CPU time and
# peak RSS. A script, not a test: it prints figures and checks the targets, but fails only when a
# command fails.
set -euo pipefail

RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-2}"
SCALE_RUNS="${SCALE_RUNS:-5}"
SERVICES="${SERVICES:-1 10 100}"
JMH_ARGS="${JMH_ARGS:-}"
RESULTS="${RESULTS:-/tmp/generator-bench-results}"
TMPFS="${TMPFS:-/dev/shm}"
JAVA="${JAVA:-java}"
M2_REPO="${M2_REPO:-$HOME/.m2/repository}"
SERVICES_PROPERTY=chartascode.bench.services
APP_VERSION_PROPERTY=chartascode.bench.appVersion

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_OPTS="${JAVA_OPTS:-${MAVEN_JVM_CONFIG-$(tr '\n' ' ' 2>/dev/null <"$root/.mvn/jvm.config" || true)}}"
# The runs without Maven read showcase's configuration file where its module keeps it (SyntheticCatalog).
JAVA_OPTS="$JAVA_OPTS -Dchartascode.projectDirectory=$root/envapp/chart"
tools="${CHART_AS_CODE_TOOLS:-$HOME/.cache/chart-as-code/tools}"
helm="$tools/helm-v3.17.1/helm"
kubectl="$tools/kubectl-v1.31.0/kubectl"
summary="$root/bench/generate_summary.py"
work="$(mktemp -d /tmp/generator-bench.XXXXXX)"
snap="$work/repo"
shm=""
[[ "$(stat -f -c %T "$TMPFS" 2>/dev/null)" == tmpfs ]] && shm="$(mktemp -d "$TMPFS/generator-bench.XXXXXX")"

# The private local repository, and the settings that give it $M2_REPO as a remote (see above).
m2="$work/m2"
settings="$work/settings.xml"
consumer=bench/consumer

cleanup() { rm -rf "$work" ${shm:+"$shm"}; }
trap cleanup EXIT

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

parts=("$@")
((${#parts[@]})) || parts=(compare scale jmh)
for part in "${parts[@]}"; do
  [[ "$part" =~ ^(compare|scale|jmh|profile)$ ]] || die "unknown part '$part'; use compare, scale, jmh or profile"
done

# --- prerequisites: GNU time (Debian 'time'), python3; helm and kubectl from tools/fetch-tools.sh --
[[ -x /usr/bin/time ]] || {
  [[ "$(id -u)" == 0 ]] || die "GNU time is missing: sudo apt-get install time"
  log "installing GNU time (Debian)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null; }
}
command -v python3 >/dev/null || die "python3 is required to summarise the runs"
if [[ ! -x "$helm" || ! -x "$kubectl" ]]; then
  log "fetching helm and kubectl into $tools"
  bash "$root/tools/fetch-tools.sh" "$tools" >&2
fi

mkdir -p "$RESULTS"
csv="$RESULTS/runs.csv"
echo "phase,command,round,wall_s,user_s,sys_s,max_rss_kb" >"$csv"

# --- one snapshot of the repository, without .git and build output ----------------------------------
log "snapshot of $root in $snap"
mkdir -p "$snap"
tar -C "$root" --exclude=./.git --exclude=target -cf - . | tar -C "$snap" -xf -
cd "$snap"
[[ -z "${MAVEN_JVM_CONFIG+set}" ]] || printf '%s\n' "$MAVEN_JVM_CONFIG" >.mvn/jvm.config

cat >"$settings" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- bench/generate.sh: this run's local repository is $m2; it reads $M2_REPO as a remote. -->
<settings>
  <profiles>
    <profile>
      <id>bench-repo</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories>
        <repository>
          <id>local.central</id>
          <url>file://$M2_REPO</url>
          <releases><enabled>true</enabled></releases>
          <snapshots><enabled>true</enabled></snapshots>
        </repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository>
          <id>local.central</id>
          <url>file://$M2_REPO</url>
          <releases><enabled>true</enabled></releases>
          <snapshots><enabled>true</enabled></snapshots>
        </pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
</settings>
EOF
# Every Maven command below but JKube's first warm-up: the private repository, never ~/.m2.
mvn=(./mvnw "-Dmaven.repo.local=$m2" -s "$settings")

# warm_up LOG-MESSAGE COMMAND...: one online run, its output appended to warmup.log.
warm_up() {
  local what="$1"
  shift
  "$@" >>"$RESULTS/warmup.log" 2>&1 || { tail -n 40 "$RESULTS/warmup.log" >&2; die "$what failed; see $RESULTS/warmup.log"; }
}

# Online once: resolves every plugin and dependency of both sides, installs our plugin and library
# into the private repository, and builds the benchmark jar (whose lib/ holds the generator's
# runtime classpath, envapp-chart's model included, for the runs without Maven).
log "warm-up: resolving and building (online, once); our artifacts go to $m2"
: >"$RESULTS/warmup.log"
# JKube's plugin and dependencies into $M2_REPO (the user's cache) once, so that later runs of this
# script copy them from there instead of downloading them again.
warm_up "JKube (resolving into $M2_REPO)" ./mvnw -q -f bench/jkube/pom.xml k8s:resource k8s:helm
# No tests, no invoker ITs, and none of the exec steps that fetch the tests' tools (yamllint, a registry).
warm_up "installing the plugin into $m2" "${mvn[@]}" -q -pl generator/maven-plugin,bench/generator-jmh -am install \
  -Dmaven.test.skip=true -Dinvoker.skip=true -Dexec.skip=true
warm_up "the consumer's generate-resources" "${mvn[@]}" -q -f "$consumer/pom.xml" generate-resources
warm_up "JKube" "${mvn[@]}" -q -f bench/jkube/pom.xml k8s:resource k8s:helm
warm_up "the reactor's generate-resources" "${mvn[@]}" -q generate-resources
bench_jar="$snap/bench/generator-jmh/target/generator-bench.jar"
# GenerateCatalog is in the benchmark jar; its manifest's Class-Path names lib/*.jar, which must hold
# the library and envapp's model (envapp-chart).
generator_cp="$bench_jar"
for jar in chart-as-code-core envapp-chart; do
  compgen -G "$snap/bench/generator-jmh/target/lib/$jar-*.jar" >/dev/null || die "$jar is not in the benchmark jar's lib/"
done

# timed PHASE LABEL ROUND COMMAND...: one run; appends a CSV row unless ROUND is 0 (warm-up).
timed() {
  local phase="$1" label="$2" round="$3" t0 t1 rc=0 user sys rss
  shift 3
  t0="$(date +%s%N)"
  timeout 900 /usr/bin/time -f '%U %S %M' -o "$work/time.txt" "$@" >"$work/run.log" 2>&1 || rc=$?
  t1="$(date +%s%N)"
  if ((rc != 0)); then
    cp "$work/run.log" "$RESULTS/failed.log"
    tail -n 30 "$work/run.log" >&2
    die "'$label' failed (exit $rc); its output is in $RESULTS/failed.log"
  fi
  read -r user sys rss <"$work/time.txt"
  if ((round > 0)); then
    echo "$phase,$label,$round,$(awk -v n=$((t1 - t0)) 'BEGIN { printf "%.4f", n / 1e9 }'),$user,$sys,$rss" >>"$csv"
  fi
  last_log="$work/run.log"
}

machine() {
  echo "bench: $(date -u +%FT%TZ); $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo);" \
    "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "bench: $("$JAVA" -version 2>&1 | head -n 1); $(./mvnw -v 2>/dev/null | head -n 1 | sed 's/ (.*//');" \
    "helm $("$helm" version --short); kubectl $("$kubectl" version --client 2>/dev/null | awk '/Client/ {print $3}') (kustomize $("$kubectl" version --client 2>/dev/null | awk '/Kustomize/ {print $3}'))"
  echo "bench: MAVEN_OPTS='${MAVEN_OPTS:-}' JAVA_OPTS='$JAVA_OPTS'; Maven's .mvn/jvm.config: $(cat .mvn/jvm.config 2>/dev/null || echo none)"
}

# --- compare -------------------------------------------------------------------------------------------
# The labels are the CSV's command names, which generate_summary.py reads; keep the two in step.
OURS="ours: mvn generate-resources (consumer)"
CLEAN="ours: the same after deleting target/ (first run)"
FORCE="ours: the same with -Dchartascode.force (renders and compares every file)"
compare() {
  local mvn_o="${mvn[*]} -q -o"
  local labels=("$OURS" "JKube: mvn k8s:resource k8s:helm" "ours: java GenerateCatalog (no Maven)"
    "Maven floor: mvn validate (consumer)" "Maven floor: mvn validate (JKube project)"
    "ours: mvn generate-resources -Dchartascode.skip (consumer)" "$CLEAN"
    "ours: mvn generate-resources (the repository's reactor)" "$FORCE"
    "helm template (our chart)" "kubectl kustomize (our dev overlay)" "helm template (JKube chart)")
  local cmds=(
    "$mvn_o -f $consumer/pom.xml generate-resources"
    "$mvn_o -f bench/jkube/pom.xml k8s:resource k8s:helm"
    "$JAVA $JAVA_OPTS -cp $generator_cp io.chartascode.bench.GenerateCatalog $consumer/generated io.chartascode.envapp.chart.EnvAppCatalog"
    "$mvn_o -f $consumer/pom.xml validate"
    "$mvn_o -f bench/jkube/pom.xml validate"
    "$mvn_o -f $consumer/pom.xml generate-resources -Dchartascode.skip"
    "$mvn_o -f $consumer/pom.xml generate-resources"
    "$mvn_o generate-resources"
    "$mvn_o -f $consumer/pom.xml generate-resources -Dchartascode.force"
    "$helm template envapp $consumer/generated/helm/envapp"
    "$kubectl kustomize $consumer/generated/kustomize/envapp/overlays/dev"
    "$helm template envapp bench/jkube/target/jkube/helm/envapp/kubernetes"
  )
  local k=${#cmds[@]} total=$((WARMUP + RUNS)) r i j
  log "compare: $WARMUP warm-up + $RUNS measured rounds of ${k} commands, interleaved"
  for ((r = 1; r <= total; r++)); do
    for ((j = 0; j < k; j++)); do
      i=$(((j + r) % k))
      # The first run of a checkout: no compiled model, no fingerprint (target/ is not timed away).
      [[ "${labels[i]}" == "$CLEAN" ]] && rm -rf "$consumer/target"
      # shellcheck disable=SC2086 # the commands are word-split on purpose; no path has spaces
      timed compare "${labels[i]}" $((r > WARMUP ? r - WARMUP : 0)) ${cmds[i]}
      [[ $i == 2 ]] && cp "$last_log" "$RESULTS/ours-java.log"
    done
    log "compare: round $r/$total done"
  done

  # Which case the runs measured, in the plugin's own words (debug level): the fingerprint matched in
  # the steady runs, and the model was compiled after target/ was deleted.
  "${mvn[@]}" -o -X -f "$consumer/pom.xml" generate-resources >"$RESULTS/ours-steady.log" 2>&1 ||
    die "the consumer's generate-resources failed; see $RESULTS/ours-steady.log"
  rm -rf "$consumer/target"
  "${mvn[@]}" -o -X -f "$consumer/pom.xml" generate-resources >"$RESULTS/ours-clean.log" 2>&1 ||
    die "the consumer's generate-resources failed; see $RESULTS/ours-clean.log"
  grep -q 'chart-as-code: model up to date' "$RESULTS/ours-steady.log" ||
    die "the steady-state run did not skip compiling the model; see $RESULTS/ours-steady.log"
  grep -q 'chart-as-code: nothing to do' "$RESULTS/ours-steady.log" ||
    die "the steady-state run rendered although nothing changed; see $RESULTS/ours-steady.log"

  # What each side produced in its last run.
  {
    echo "ours ($(find $consumer/generated -type f ! -name '.generated*' | wc -l) files under $consumer/generated/):"
    (cd $consumer/generated && find . -type f ! -name '.generated*' | sed 's|^\./||' | sort | awk -F/ '{print "  " $1 "/" $2 "/" $3}' | uniq -c)
    echo "JKube ($(find bench/jkube/target/classes/META-INF/jkube bench/jkube/target/jkube -type f | wc -l) files under bench/jkube/target/):"
    (cd bench/jkube/target && find classes/META-INF/jkube jkube -type f | sort | sed 's/^/  /')
    echo "ours, steady state: $(grep -h -e 'chart-as-code: model' -e 'chart-as-code: generated' -e 'chart-as-code: nothing' "$RESULTS/ours-steady.log" | sed 's/^\[[A-Z]*\] //' | tr '\n' ' ')"
    echo "ours, after deleting target/: $(grep -h -e 'chart-as-code: model' -e 'chart-as-code: generated' "$RESULTS/ours-clean.log" | sed 's/^\[[A-Z]*\] //' | tr '\n' ' ')"
    echo "ours without Maven, last run: $(cat "$RESULTS/ours-java.log")"
  } >"$RESULTS/outputs.txt"
}

# --- scale ---------------------------------------------------------------------------------------------
# Every run writes into a new directory, and nothing is deleted before the end: this machine's disk
# is ext4 without a journal, where creating a file skips, one by one, every inode freed in the last
# minutes, so a run right after deleting a tree pays for the delete (docs/benchmarks.md, "Disk").
# The "changed" runs come last for that reason: each swaps in a new tree and deletes the old one.
scale() {
  local total=$((SCALE_RUNS + 1)) r n out place places=("disk:$work/scale")
  [[ -n "$shm" ]] && places+=("tmpfs:$shm/scale")
  log "scale: N in {$SERVICES} on ${places[*]%%:*}, 1 warm-up + $SCALE_RUNS measured rounds, interleaved"
  : >"$RESULTS/scalerun.txt"
  for ((r = 1; r <= total; r++)); do
    for n in $SERVICES; do
      for place in "${places[@]}"; do
        out="${place#*:}/r$r-n$n"
        # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
        timed scale "fresh/${place%%:*}/$n" $((r - 1)) "$JAVA" $JAVA_OPTS "-D$SERVICES_PROPERTY=$n" -cp "$bench_jar" \
          io.chartascode.bench.GenerateCatalog "$out" io.chartascode.bench.SyntheticCatalog
      done
      out="$work/scale/r$r-n$n"
      # shellcheck disable=SC2086
      timed scale "unchanged/disk/$n" $((r - 1)) "$JAVA" $JAVA_OPTS "-D$SERVICES_PROPERTY=$n" -cp "$bench_jar" \
        io.chartascode.bench.GenerateCatalog "$out" io.chartascode.bench.SyntheticCatalog
      # shellcheck disable=SC2086
      timed scale "split/disk/$n" $((r - 1)) "$JAVA" $JAVA_OPTS -cp "$bench_jar" io.chartascode.bench.ScaleRun "$n" "$out-split"
      ((r == 1)) || grep '^services=' "$last_log" >>"$RESULTS/scalerun.txt"
    done
    log "scale: round $r/$total done"
  done
  # A release bump of one service (its appVersion), over the tree of round 1, again and again.
  for ((r = 1; r <= total; r++)); do
    for n in $SERVICES; do
      # shellcheck disable=SC2086
      timed scale "changed/disk/$n" $((r - 1)) "$JAVA" $JAVA_OPTS "-D$SERVICES_PROPERTY=$n" "-D$APP_VERSION_PROPERTY=v1.$r" \
        -cp "$bench_jar" io.chartascode.bench.GenerateCatalog "$work/scale/r1-n$n" io.chartascode.bench.SyntheticCatalog
      grep -q "[1-9][0-9]* changed" "$last_log" || die "changed/$n: the edit changed no file: $(cat "$last_log")"
    done
  done
  log "scale: changed-tree rounds done"
  for place in "${places[@]}"; do rm -rf "${place#*:}"; done
}

# --- jmh -----------------------------------------------------------------------------------------------
jmh() {
  local scratch="tmpdir${shm:+,$shm}"
  log "jmh: GeneratorBenchmark ${JMH_ARGS:-(annotation defaults: 2 forks, 20 x 2 s warm-up, 5 x 2 s measured)} -p scratch=$scratch -prof gc"
  # shellcheck disable=SC2086 # JMH_ARGS is a list of options
  "$JAVA" -jar "$bench_jar" GeneratorBenchmark -p "scratch=$scratch" $JMH_ARGS -prof gc -rf json -rff "$RESULTS/jmh.json" \
    >"$RESULTS/jmh.log" 2>&1 || { tail -n 40 "$RESULTS/jmh.log" >&2; die "JMH failed; see $RESULTS/jmh.log"; }
}

# --- profile -------------------------------------------------------------------------------------------
ASYNC_PROFILER="tools.profiler:async-profiler:4.2:jar:linux-x64"
profile() {
  [[ "$(uname -sm)" == "Linux x86_64" ]] || die "profile: the pinned async-profiler build is for Linux x86_64"
  ./mvnw -q -N dependency:copy -Dartifact="$ASYNC_PROFILER" -DoutputDirectory="$work/ap" >&2 ||
    die "could not fetch $ASYNC_PROFILER"
  (cd "$work/ap" && unzip -q -o ./*.jar 'linux-x64/libasyncProfiler.so')
  local agent="$work/ap/linux-x64/libasyncProfiler.so"

  # Into tmpfs where there is one: the profile is for the generator's own code; what this disk adds
  # is measured by `scale`.
  local out="${shm:-$work}/out-profile"
  log "profile: ScaleRun 100 into $out under async-profiler ($ASYNC_PROFILER, event=itimer)"
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS "-agentpath:$agent=start,event=itimer,interval=5ms,collapsed,file=$RESULTS/profile-100.collapsed" \
    -cp "$bench_jar" io.chartascode.bench.ScaleRun 100 "$out" >"$RESULTS/profile-100.txt" 2>&1 ||
    { cat "$RESULTS/profile-100.txt" >&2; die "the profiled run failed"; }

  # Wall clock, per thread: Maven's main thread is busy or waiting for the whole build, and it runs
  # the plugin's goal itself, so its samples split the wall time of the run. The steady state, as in
  # `compare`: the model's fingerprint matches and the tree is current.
  log "profile: ./mvnw -q -o -f $consumer/pom.xml generate-resources under async-profiler (event=wall)"
  local round
  for round in 0 1 2 3; do # the first three warm the page cache and are overwritten
    MAVEN_OPTS="${MAVEN_OPTS:-} -agentpath:$agent=start,event=wall,interval=2ms,threads,collapsed,file=$RESULTS/profile-mvn.collapsed" \
      "${mvn[@]}" -q -o -f "$consumer/pom.xml" generate-resources >"$RESULTS/profile-mvn.txt" 2>&1 ||
      { cat "$RESULTS/profile-mvn.txt" >&2; die "the profiled generate-resources failed (round $round)"; }
  done
  log "profile: the same under async-profiler (event=itimer, all threads)"
  for round in 0 1 2 3; do
    MAVEN_OPTS="${MAVEN_OPTS:-} -agentpath:$agent=start,event=itimer,interval=2ms,collapsed,file=$RESULTS/profile-mvn-cpu.collapsed" \
      "${mvn[@]}" -q -o -f "$consumer/pom.xml" generate-resources >"$RESULTS/profile-mvn.txt" 2>&1 ||
      { cat "$RESULTS/profile-mvn.txt" >&2; die "the profiled generate-resources failed (round $round)"; }
  done
}

machine | tee "$RESULTS/machine.txt"
for part in "${parts[@]}"; do
  "$part"
done
log "done $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo
for part in "${parts[@]}"; do
  case "$part" in
    compare) python3 "$summary" compare "$csv" && sed 's/^/    /' "$RESULTS/outputs.txt" ;;
    scale) python3 "$summary" scale "$csv" "$RESULTS/scalerun.txt" ;;
    jmh) python3 "$summary" jmh "$RESULTS/jmh.json" ;;
    profile)
      python3 "$summary" profile "$RESULTS/profile-100.collapsed" "$RESULTS/profile-100.txt"
      echo
      python3 "$summary" profile-mvn "$RESULTS/profile-mvn.collapsed" "$RESULTS/profile-mvn-cpu.collapsed"
      ;;
  esac
  echo
done
echo "bench: raw results in $RESULTS"
