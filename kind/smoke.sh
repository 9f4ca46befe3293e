#!/usr/bin/env bash
# Read-only checks of a deployed env: spread, HTTP answers, PROD flag, masked secrets, HPA metrics.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
SCRIPT_NAME=smoke.sh
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# Env var names that must never show a value: case-insensitive, anywhere in the name.
readonly SECRET_NAME_RE='(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|PRIVATE_?KEY|CREDENTIAL)'
readonly MASK='******'
readonly PODS_JSONPATH='jsonpath={range .items[*]}{.metadata.name}{"\t"}{.spec.nodeName}{"\t"}{.status.conditions[?(@.type=="Ready")].status}{"\t"}{.metadata.deletionTimestamp}{"\n"}{end}'
readonly SECRET_ENV_JSONPATH='jsonpath={range .spec.template.spec.containers[*].env[?(@.valueFrom.secretKeyRef)]}{.name}{"\n"}{end}'
readonly HPA_JSONPATH='jsonpath={range .status.currentMetrics[*]}{.resource.name}{"="}{.resource.current.averageValue}{"\n"}{end}'

usage() {
  cat <<EOF
Usage: kind/smoke.sh <dev|prod> [--dry-run] [--help]

Checks the env deployed by kind/deploy.sh in namespace envapp-<env> of context $KUBE_CONTEXT,
changing nothing in the cluster:
  1. deployment/envapp is rolled out, and at least 3 pods ($APP_LABEL) are Ready on 3 distinct nodes;
  2. through 'kubectl port-forward service/envapp <port>:80', GET /healthz and /readyz answer 2xx,
     and GET / returns JSON whose PROD is "false" for dev and "true" for prod;
  3. every key of that JSON whose name looks secret (${SECRET_NAME_RE}, any case),
     and every env var the Deployment takes from a Secret (secretKeyRef), shows "$MASK";
  4. the HPA envapp reports current metrics (retried, since metrics-server needs a minute or so).

Options:
  --dry-run   print the exact commands, one per line, and run none of them (the tool checks still run).
  -h, --help  show this help.

Environment:
  SMOKE_PORT          local port for the port-forward (default 18080)
  SMOKE_HPA_TIMEOUT   seconds to wait for HPA metrics (default 180), polled every SMOKE_HPA_INTERVAL (default 10)

Tools (checked before anything runs; override a binary with the variable):
  kubectl >= $MIN_KUBECTL (KUBECTL)   curl >= $MIN_CURL (CURL)
  jq >= $MIN_JQ (JQ), optional: without it a small grep parser reads the JSON, which handles only a
  flat object and fails closed (a secret-looking key it cannot read is a failure).

Exit codes: 0 all checks passed, 1 a check failed, 2 usage error, 3 preflight failed (nothing was run).
EOF
}

check_pods() {
  local pods=$1 ready=0 line name node status deleted
  local -A nodes=()
  while IFS=$'\t' read -r name node status deleted; do
    [[ -z $name ]] && continue
    if [[ $status == True && -z $deleted && -n $node ]]; then
      ready=$((ready + 1))
      nodes[$node]=1
    fi
  done <<<"$pods"
  local distinct=${#nodes[@]}
  if ((ready >= 3 && distinct >= 3)); then
    check_passed "$ready pods Ready on $distinct distinct nodes"
  else
    check_failed "want 3 pods Ready on 3 distinct nodes, found $ready Ready on $distinct node(s):"
    while IFS= read -r line; do
      [[ -n $line ]] && say "    $line"
    done <<<"$pods"
  fi
}

check_body() {
  local body_file=$1 env=$2 secret_env=$3
  local want_prod=false
  [[ $env == prod ]] && want_prod=true
  local pairs key value prod="" found_prod=false
  local -A seen=() secret=()
  pairs=$(json_pairs "$body_file") || {
    check_failed "GET / did not return JSON: $(head -c 200 "$body_file")"
    return 0
  }
  while IFS=$'\t' read -r key value; do
    [[ -z $key ]] && continue
    seen[$key]=$value
    if [[ $key == PROD ]]; then
      found_prod=true
      prod=$value
    fi
    [[ ${key^^} =~ $SECRET_NAME_RE ]] && secret[$key]=1
  done <<<"$pairs"
  if [[ -z $JQ_VERSION ]]; then
    while IFS= read -r key; do
      if [[ -n $key && ${key^^} =~ $SECRET_NAME_RE && -z ${seen[$key]+set} ]]; then
        check_failed "key $key looks secret but the fallback parser could not read its value (install jq)"
      fi
    done < <(json_keys "$body_file")
  fi
  while IFS= read -r key; do
    [[ -z $key ]] && continue
    if [[ -n ${seen[$key]+set} ]]; then
      secret[$key]=1
    else
      note "secret-backed env var $key is not in the response"
    fi
  done <<<"$secret_env"
  local masked=0
  while IFS= read -r key; do
    [[ -z $key ]] && continue
    if [[ ${seen[$key]} == "$MASK" ]]; then
      masked=$((masked + 1))
    else
      check_failed "key $key is a secret but shows a value (want \"$MASK\")"
    fi
  done < <(printf '%s\n' "${!secret[@]}" | sort)
  if ! $found_prod; then
    check_failed "the JSON from GET / has no PROD key"
  elif [[ $prod != "$want_prod" ]]; then
    check_failed "PROD is \"$prod\", want \"$want_prod\" for $env"
  else
    check_passed "PROD is \"$prod\""
  fi
  if ((${#secret[@]} == 0)); then
    note "no secret-looking or secret-backed keys in the response, so masking was not exercised"
  elif ((masked == ${#secret[@]})); then
    check_passed "$masked secret value(s) masked"
  fi
}

PF_PID=""
WORK_DIR=""
cleanup() {
  if [[ -n $PF_PID ]]; then
    kill "$PF_PID" 2>/dev/null || true
    wait "$PF_PID" 2>/dev/null || true
  fi
  [[ -n $WORK_DIR ]] && rm -rf "$WORK_DIR"
  return 0
}

main() {
  parse_env_args "$@"
  local env=$TARGET_ENV
  local port=${SMOKE_PORT:-18080}
  local hpa_timeout=${SMOKE_HPA_TIMEOUT:-180} hpa_interval=${SMOKE_HPA_INTERVAL:-10}
  [[ $port =~ ^[0-9]+$ && $hpa_timeout =~ ^[0-9]+$ && $hpa_interval =~ ^[0-9]+$ ]] ||
    usage_error "SMOKE_PORT, SMOKE_HPA_TIMEOUT and SMOKE_HPA_INTERVAL must be whole numbers"
  require_bash
  enter_repo_root

  require_tool KUBECTL kubectl "$MIN_KUBECTL" "$FIX_KUBECTL" version --client
  require_tool CURL curl "$MIN_CURL" "$FIX_CURL" --version
  JQ_VERSION=""
  if [[ -n $(tool_path "$JQ") ]]; then
    require_tool JQ jq "$MIN_JQ" "$FIX_JQ" --version
  else
    note "jq not found; reading the JSON with the grep fallback (flat objects only). For a full check: $FIX_JQ."
  fi
  if ! $DRY_RUN && ((${#PROBLEMS[@]} == 0)); then
    check_kube_context
  fi
  preflight_or_exit

  local ns="envapp-$env" url="http://127.0.0.1:$port"
  local -a kc=("$KUBECTL" --context "$KUBE_CONTEXT" -n "$ns")
  local -a get=("$CURL" -fsS --max-time 5)
  trap cleanup EXIT
  $DRY_RUN || WORK_DIR=$(mktemp -d)

  # 1. rollout and spread
  run "${kc[@]}" rollout status deployment/envapp --timeout="$WAIT_TIMEOUT" || check_failed "deployment/envapp did not finish rolling out"
  local pods="" secret_env=""
  capture pods "${kc[@]}" get pods -l "$APP_LABEL" -o "$PODS_JSONPATH" || check_failed "could not list the envapp pods"
  $DRY_RUN || check_pods "$pods"
  capture secret_env "${kc[@]}" get deployment envapp -o "$SECRET_ENV_JSONPATH" || check_failed "could not read deployment/envapp"

  # 2. HTTP through a port-forward to the Service (port 80 -> named port http)
  local -a port_forward=("${kc[@]}" port-forward service/envapp "$port:80")
  if $DRY_RUN; then
    printf '%s &\n' "$(quote_cmd "${port_forward[@]}")"
  else
    printf '+ %s &\n' "$(quote_cmd "${port_forward[@]}")" >&2
    "${port_forward[@]}" >"$WORK_DIR/port-forward.log" 2>&1 &
    PF_PID=$!
  fi
  local path ok
  for path in /healthz /readyz; do
    if $DRY_RUN; then
      run "${get[@]}" "$url$path"
      continue
    fi
    printf '+ %s\n' "$(quote_cmd "${get[@]}" "$url$path")" >&2
    ok=false
    # The first request also waits for the port-forward to listen (up to 15 s).
    for _ in {1..30}; do
      if "${get[@]}" "$url$path" >/dev/null 2>"$WORK_DIR/curl.err"; then
        ok=true
        break
      fi
      kill -0 "$PF_PID" 2>/dev/null || break
      sleep 0.5
    done
    if $ok; then
      check_passed "GET $path"
    else
      check_failed "GET $path failed: $(cat "$WORK_DIR/curl.err" "$WORK_DIR/port-forward.log" 2>/dev/null | tail -n 3)"
    fi
  done
  if $DRY_RUN; then
    run "${get[@]}" "$url/"
  else
    printf '+ %s\n' "$(quote_cmd "${get[@]}" "$url/")" >&2
    if "${get[@]}" "$url/" >"$WORK_DIR/body.json" 2>"$WORK_DIR/curl.err"; then
      check_body "$WORK_DIR/body.json" "$env" "$secret_env"
    else
      check_failed "GET / failed: $(cat "$WORK_DIR/curl.err")"
    fi
  fi

  # 3. the HPA sees metrics (metrics-server scrapes every 15 s; the HPA syncs every 15 s)
  local metrics="" deadline=$((SECONDS + hpa_timeout))
  if $DRY_RUN; then
    capture metrics "${kc[@]}" get hpa envapp -o "$HPA_JSONPATH"
    note "dry run: no check evaluated; a real run polls the HPA for up to ${hpa_timeout}s."
    return 0
  fi
  while :; do
    capture metrics "${kc[@]}" get hpa envapp -o "$HPA_JSONPATH" || metrics=""
    grep -qE '^[a-z]+=[0-9]' <<<"$metrics" && break
    ((SECONDS + hpa_interval <= deadline)) || break
    sleep "$hpa_interval"
  done
  if grep -qE '^[a-z]+=[0-9]' <<<"$metrics"; then
    check_passed "HPA reports metrics: ${metrics//$'\n'/ }"
  else
    check_failed "HPA envapp reports no current metrics after ${hpa_timeout}s (is metrics-server running? kind/up.sh installs it)"
  fi

  if ((${#FAILURES[@]} > 0)); then
    say "$(plural ${#FAILURES[@]} check) failed for $env."
    return 1
  fi
  say "all checks passed for $env."
}

main "$@"
