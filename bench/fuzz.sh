#!/usr/bin/env bash
# Longer fuzzing runs of the four Jazzer targets, with random seeds (issue 17). `./mvnw verify`
# fuzzes each one repeatably: a fixed seed and a fixed number of executions (root pom, fuzz.*).
#
#   yaml      generator/core      YamlWriterFuzzTest        strings read back alike by YAML 1.2 and 1.1 readers
#   importer  generator/importer  ImporterFuzzTest          any bytes: a result or ImportException naming the file
#   model     generator/testing   ModelValidationFuzzTest   random models: valid (renders, lints) or every finding
#   envapp    envapp              EnvAppFuzzTest            any bytes on a socket: a response or a close; no leaks
#
# Each target runs ROUNDS rounds of ROUND_SECONDS, each in a fresh JVM with a random seed, starting
# from the corpus the earlier rounds grew (target/fuzz/.cifuzz-corpus of its module, kept with
# -Dfuzz.keepCorpus=true). Prints per round its seed and executions, and the total; stops at the
# first finding, whose input Jazzer writes to <module>/target/fuzz/crash-*: commit it under the
# target's src/test/resources/.../<Class>Inputs/<method>/ as a regression input, then fix.
#
# Usage: bench/fuzz.sh [yaml] [importer] [model] [envapp]   (no argument: all four)
# Knobs (environment): ROUNDS=12, ROUND_SECONDS=25 (5 minutes per target)
# Needs the modules built once (./mvnw -q -o test-compile -pl <module> -am, or any verify).
set -euo pipefail

ROUNDS="${ROUNDS:-12}"
ROUND_SECONDS="${ROUND_SECONDS:-25}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

die() { echo "fuzz: $*" >&2; exit 1; }

declare -A MODULE=([yaml]=generator/core [importer]=generator/importer [model]=generator/testing [envapp]=envapp)
declare -A CLASS=([yaml]=YamlWriterFuzzTest [importer]=ImporterFuzzTest [model]=ModelValidationFuzzTest [envapp]=EnvAppFuzzTest)
# The modules a target's module needs from this reactor (no `mvn install`: -am builds them).
declare -A ALSO=([yaml]="" [importer]="generator/core,generator/testing" [model]=generator/core [envapp]="")

targets=("$@")
((${#targets[@]})) || targets=(yaml importer model envapp)
for t in "${targets[@]}"; do
  [[ -n "${MODULE[$t]:-}" ]] || die "unknown target '$t'; use yaml, importer, model or envapp"
done

cd "$root"
for t in "${targets[@]}"; do
  total_runs=0 total_s=0
  modules="${MODULE[$t]}${ALSO[$t]:+,${ALSO[$t]}}"
  for ((r = 1; r <= ROUNDS; r++)); do
    log="$work/$t-$r.log"
    rm -rf "${MODULE[$t]}/target/surefire-reports-fuzz"
    # fuzz.required=false: the modules built along have no test of this name. Instead, the report of
    # the target's own fuzzing execution must show it ran (a fuzzing JVM that dies reports nothing).
    # Only the fuzz execution (surefire:test@fuzz), not the unit tests; no bound on executions.
    if ! ./mvnw -o -B process-test-classes surefire:test@fuzz -pl "$modules" -Dtest="${CLASS[$t]}" \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.required=false -Dfuzz.mode=1 -Dfuzz.seed=0 \
      -Dfuzz.runs=-1 -Dfuzz.maxTime="$ROUND_SECONDS" -Dfuzz.keepCorpus=true >"$log" 2>&1; then
      grep -E 'FuzzTestFinding|Test unit written|Caused by' "$log" | head -n 20 >&2 || true
      cp "$log" "$root/${MODULE[$t]}/target/fuzz-round.log"
      die "$t: round $r failed; its log: ${MODULE[$t]}/target/fuzz-round.log"
    fi
    report="$(find "${MODULE[$t]}/target/surefire-reports-fuzz" -name "TEST-*${CLASS[$t]}.xml" 2>/dev/null | head -n 1)"
    if [[ -z "$report" ]] || ! grep -q 'tests="[1-9]' "$report"; then
      die "$t: round $r: the fuzzing JVM reported no test (did it die?); see $log"
    fi
    read -r runs s < <(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second(s)$/\1 \2/p' "$log" | tail -n 1)
    [[ -n "${runs:-}" ]] || die "$t: round $r printed no libFuzzer summary; see $log"
    total_runs=$((total_runs + runs)) total_s=$((total_s + s))
    seed="$(sed -n 's/^INFO: Seed: \([0-9]*\)$/\1/p' "$log" | tail -n 1)"
    extra="$(grep -hE '^(model|envapp) fuzz:' "$log" | tail -n 1 || true)"
    echo "fuzz: $t round $r/$ROUNDS (seed $seed): $runs executions in $s s${extra:+; $extra}"
  done
  echo "fuzz: $t: $total_runs executions in $total_s s of fuzzing over $ROUNDS rounds, no finding"
done
