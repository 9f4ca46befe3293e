#!/usr/bin/env bash
# Changes one configuration value of the deployed showcase the way its delivery does (helm --set, or a
# Kustomize configMapGenerator merge), checks that the pods rolled onto a new ConfigMap, then restores.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
SCRIPT_NAME=config-rollout.sh
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# ---- What this checks: showcase's configuration, as Showcase.java models it. ----
readonly APP=showcase
readonly APP_CHART_DIR=generated/helm/showcase
readonly APP_OVERLAYS_DIR=generated/kustomize/showcase/overlays
# The ConfigMap (a configMapGenerator in the base; the chart computes the same hash suffix), the key
# the check changes, the chart value behind it, and how the container sees it (envFrom prefix CONFIG_).
readonly CONFIGMAP=showcase-config
readonly CONFIG_KEY=GREETING
readonly CONFIG_VALUE=config.greeting
readonly BODY_KEY=CONFIG_GREETING
# A Secret-backed variable of the container (secretKeyRef), which GET / must show masked.
readonly SECRET_ENV=DB_PASSWORD
readonly MASK='******'
# Pods of the Deployment only (a helm test pod has the selector labels too, but no pod-template-hash).
readonly POD_SELECTOR=app.kubernetes.io/name=showcase,app.kubernetes.io/instance=showcase,pod-template-hash
# Where --via kustomize writes its kustomization for the run (ignored by git; removed on exit).
readonly ROLLOUT_WORK_DIR=kind/.work
readonly MARKER_RE='^[a-z][a-z0-9.-]{0,62}$'
readonly STATE_JSONPATH='jsonpath={"revision="}{.metadata.annotations.deployment\.kubernetes\.io/revision}{"\n"}{"helm-release="}{.metadata.annotations.meta\.helm\.sh/release-name}{"\n"}{"env-from="}{.spec.template.spec.containers[*].envFrom[*].configMapRef.name}{"\n"}{"volume="}{.spec.template.spec.volumes[?(@.name=="config")].configMap.name}{"\n"}'
readonly PODS_JSONPATH='jsonpath={range .items[*]}{.metadata.name}{"\t"}{.metadata.labels.pod-template-hash}{"\n"}{end}'

usage() {
  cat <<EOF
Usage: kind/config-rollout.sh <dev|prod> [--via helm|kustomize] [--dry-run] [--help]

Checks that a configuration change rolls the pods of $APP, as 'kind/deploy.sh <env> --app $APP'
deployed it (namespace $APP-<env> of context $KUBE_CONTEXT), then puts the committed state back:
  1. reads which ConfigMap deployment/$APP refers to (envFrom, and the volume config), its
     revision, and its pods;
  2. sets $CONFIG_KEY of the ConfigMap $CONFIGMAP to a marker, the way each delivery does:
       --via helm       helm upgrade ... --set-string $CONFIG_VALUE=<marker>
       --via kustomize  kubectl apply -k $ROLLOUT_WORK_DIR/config-rollout-<env>, a kustomization written for
                        the run and removed on exit: its resource is the committed overlay, and its
                        configMapGenerator merges $CONFIG_KEY=<marker> into $CONFIGMAP (behavior: merge);
  3. waits for 'kubectl rollout status', then checks that the Deployment refers to a new ConfigMap,
     the very name the change renders to (a new hash suffix); that its revision went up; that new
     pods replaced every old one; and that GET / through 'kubectl port-forward service/$APP
     <port>:80' shows $BODY_KEY equal to the marker, and $SECRET_ENV (from the Secret) as "$MASK";
  4. restores the committed state with deploy.sh's own deploy step for that --via (helm upgrade with
     values-<env>.yaml, or kubectl apply -k of the overlay; no image build) and waits for the rollout,
     also when a command or a check failed or the script was interrupted. --via kustomize then
     deletes the marker's ConfigMap, which kubectl apply leaves behind.

Before anything runs, the script renders the committed state and the change locally (helm template,
or kubectl kustomize) and stops unless they name two different ConfigMaps $CONFIGMAP-<hash>.

Options:
  --via WAY   helm (the default) or kustomize: how the env was deployed, so how to change it.
              The script refuses a Deployment the other way deployed (a Helm release, or not).
  --dry-run   print the exact commands, one per line, and change nothing. The checks still run: they
              ask each tool for its version and render the manifests.
  -h, --help  show this help.

Environment:
  ROLLOUT_MARKER        the new $CONFIG_KEY: a lower-case letter, then up to 62 of a-z 0-9 . -
                        (default: rollout-<date>-<time>-<random>, new on every run)
  ROLLOUT_PORT          local port for the port-forward (default 18081)
  ROLLOUT_PODS_TIMEOUT  seconds to wait, after the rollout, for the old pods to be gone (default 90),
                        polled every ROLLOUT_POLL_INTERVAL seconds (default 3)

Tools (checked before anything runs; override a binary with the variable):
  kubectl >= $MIN_KUBECTL (KUBECTL)   curl >= $MIN_CURL (CURL)   helm >= $MIN_HELM, 3 or 4 (HELM; --via helm only)
  jq >= $MIN_JQ (JQ), optional: without it a small grep parser reads the flat JSON of GET /.

Exit codes: 0 the pods rolled and the committed state is back, 1 a command or a check failed (the
restore ran; if deployment/$APP was missing or deployed the other way, nothing was changed),
2 usage error, 3 preflight failed (nothing was run).
EOF
}

# config-rollout.sh's own option: --via WAY (or --via=WAY).
VIA=helm
script_option() {
  option_value --via VIA "helm or kustomize" "$@"
}

# configmap_name VAR WHAT CMD...: runs the render CMD (read-only, no cluster) and stores in VAR the
# one name $CONFIGMAP-<hash> it contains; records a problem if the render fails or names no or two.
configmap_name() {
  local var=$1 what=$2
  shift 2
  local fix="run that command to see why; if generated/ is stale, $FIX_GENERATE"
  local rendered err
  err=$(mktemp)
  if ! rendered=$("$@" 2>"$err"); then
    PROBLEMS+=("could not render $what: '$(quote_cmd "$@")' failed: $(tail -n 3 "$err" | tr '\n' ' ')Fix: $fix.")
    rm -f "$err"
    return 0
  fi
  rm -f "$err"
  local -a names=()
  mapfile -t names < <(grep -oE "$CONFIGMAP-[a-z0-9]+" <<<"$rendered" | sort -u)
  if ((${#names[@]} != 1)); then
    PROBLEMS+=("$what ('$(quote_cmd "$@")') names $(plural ${#names[@]} ConfigMap) $CONFIGMAP-<hash>${names[*]:+ (${names[*]})}; the check needs exactly one. Fix: $fix.")
    return 0
  fi
  printf -v "$var" '%s' "${names[0]}"
}

# write_kustomization DIR OVERLAY MARKER: the kustomization --via kustomize applies. Its resource is
# the committed overlay as it is; the change is a configMapGenerator merge, as a Kustomize user
# makes one, so Kustomize itself computes the new hash and rewrites every reference to it.
write_kustomization() {
  local dir=$1 overlay=$2 marker=$3
  mkdir -p "$dir"
  cat >"$dir/kustomization.yaml" <<EOF
# Written by kind/config-rollout.sh for one run, and removed when it exits.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../../$overlay
configMapGenerator:
  - name: $CONFIGMAP
    behavior: merge
    literals:
      - $CONFIG_KEY=$marker
EOF
}

# read_state PREFIX: runs the Deployment query and sets PREFIX_revision, PREFIX_helm_release,
# PREFIX_env_from and PREFIX_volume (empty under --dry-run); returns 1 if the query failed.
read_state() {
  local prefix=$1 state line key
  local -A fields=([revision]="" [helm-release]="" [env-from]="" [volume]="")
  capture state "${KC[@]}" get deployment "$APP" -o "$STATE_JSONPATH" || return 1
  while IFS= read -r line; do
    [[ $line == *=* ]] || continue
    key=${line%%=*}
    [[ -n $key && -n ${fields[$key]+set} ]] && fields[$key]=${line#*=}
  done <<<"$state"
  printf -v "${prefix}_revision" '%s' "${fields[revision]}"
  printf -v "${prefix}_helm_release" '%s' "${fields[helm-release]}"
  printf -v "${prefix}_env_from" '%s' "${fields[env-from]}"
  printf -v "${prefix}_volume" '%s' "${fields[volume]}"
}

PF_PID=""
WORK_DIR=""
KUSTOMIZATION_DIR=""
REMOVE_WORK_ROOT=false
RESTORE_PENDING=false
RESTORED=false

stop_port_forward() {
  if [[ -n $PF_PID ]]; then
    kill "$PF_PID" 2>/dev/null || true
    wait "$PF_PID" 2>/dev/null || true
    PF_PID=""
  fi
}

# sorted_words WORD...: the words, sorted, on one line.
sorted_words() {
  local -a sorted=()
  mapfile -t sorted < <(printf '%s\n' "$@" | sort)
  printf '%s' "${sorted[*]}"
}

# check_pods_replaced BEFORE: polls the Deployment's pods until none of BEFORE ("name<TAB>hash"
# lines) is left, then checks that new pods, of a new pod template, took their place.
check_pods_replaced() {
  local before=$1 after="" name hash deadline=$((SECONDS + PODS_TIMEOUT))
  local -A old_names=() old_hashes=()
  while IFS=$'\t' read -r name hash; do
    [[ -z $name ]] && continue
    old_names[$name]=1
    old_hashes[$hash]=1
  done <<<"$before"
  local -a left=() new=()
  local -A new_hashes=()
  while :; do
    capture after "${KC[@]}" get pods -l "$POD_SELECTOR" -o "$PODS_JSONPATH" || after=""
    $DRY_RUN && return 0
    left=() new=() new_hashes=()
    while IFS=$'\t' read -r name hash; do
      [[ -z $name ]] && continue
      if [[ -n ${old_names[$name]+set} ]]; then
        left+=("$name")
      else
        new+=("$name")
        new_hashes[$hash]=1
      fi
    done <<<"$after"
    ((${#left[@]} == 0 && ${#new[@]} > 0)) && break
    ((SECONDS + POLL_INTERVAL <= deadline)) || break
    sleep "$POLL_INTERVAL"
  done
  local stale=""
  for hash in "${!new_hashes[@]}"; do
    [[ -n ${old_hashes[$hash]+set} ]] && stale+="${stale:+ }$hash"
  done
  if ((${#left[@]} > 0)); then
    check_failed "${#left[@]} of the ${#old_names[@]} old pods still run ${PODS_TIMEOUT}s after the rollout: ${left[*]}"
  elif ((${#new[@]} == 0)); then
    check_failed "no pods of deployment/$APP after the rollout (selector $POD_SELECTOR)"
  elif [[ -n $stale ]]; then
    check_failed "the new pods have the old pod template (pod-template-hash $stale): the Deployment did not roll"
  else
    check_passed "${#old_names[@]} old pods (pod-template-hash $(sorted_words "${!old_hashes[@]}")) replaced by ${#new[@]} new ($(sorted_words "${!new_hashes[@]}"))"
  fi
}

check_body() {
  local file=$1 pairs key value
  local -A seen=()
  if ! pairs=$(json_pairs "$file"); then
    check_failed "GET / did not return JSON: $(head -c 200 "$file")"
    return 0
  fi
  while IFS=$'\t' read -r key value; do
    [[ -n $key ]] && seen[$key]=$value
  done <<<"$pairs"
  if [[ -z ${seen[$BODY_KEY]+set} ]]; then
    check_failed "GET / has no $BODY_KEY, want \"$MARKER\" ($CONFIG_KEY of $CONFIGMAP, read with envFrom prefix CONFIG_)"
  elif [[ ${seen[$BODY_KEY]} != "$MARKER" ]]; then
    check_failed "GET / shows $BODY_KEY=\"${seen[$BODY_KEY]}\", want the marker \"$MARKER\": the pod that answered does not see the new configuration"
  else
    check_passed "GET / shows $BODY_KEY=\"$MARKER\""
  fi
  if [[ -n ${seen[$SECRET_ENV]+set} ]]; then
    if [[ ${seen[$SECRET_ENV]} == "$MASK" ]]; then
      check_passed "GET / shows $SECRET_ENV (from a Secret) masked"
    else
      check_failed "GET / shows $SECRET_ENV, which comes from a Secret, unmasked (want \"$MASK\")"
    fi
  elif json_keys "$file" | grep -qx -- "$SECRET_ENV"; then
    check_failed "key $SECRET_ENV is in GET / but the fallback parser could not read its value (install jq)"
  else
    note "$SECRET_ENV is not in GET /, so its masking was not checked"
  fi
}

# get_body URL: GET URL through the port-forward into $WORK_DIR/body.json; the first tries also wait
# for the port-forward to listen (up to 15 s).
get_body() {
  local url=$1
  printf '+ %s\n' "$(quote_cmd "${CURL_GET[@]}" "$url")" >&2
  for _ in {1..30}; do
    if "${CURL_GET[@]}" "$url" >"$WORK_DIR/body.json" 2>"$WORK_DIR/curl.err"; then
      return 0
    fi
    kill -0 "$PF_PID" 2>/dev/null || break
    sleep 0.5
  done
  return 1
}

# change_and_check: steps 2 and 3; records failures, never exits.
change_and_check() {
  local ok=true
  case $VIA in
    helm) run "$HELM" "${HELM_DEPLOY[@]}" --set-string "$CONFIG_VALUE=$MARKER" || ok=false ;;
    kustomize) run "$KUBECTL" --context "$KUBE_CONTEXT" apply -k "$KUSTOMIZATION_DIR" || ok=false ;;
  esac
  if ! $ok; then
    check_failed "the change did not apply (the command above failed)"
    return 0
  fi
  if ! run "${KC[@]}" rollout status "deployment/$APP" --timeout="$WAIT_TIMEOUT"; then
    check_failed "deployment/$APP did not finish rolling out the change"
    return 0
  fi

  # shellcheck disable=SC2034 # read_state sets all four; not every step reads all
  local after_revision="" after_helm_release="" after_env_from="" after_volume=""
  if ! read_state after; then
    check_failed "could not read deployment/$APP after the change"
  elif ! $DRY_RUN; then
    if [[ $after_env_from == "$MARKER_CONFIGMAP" && $after_volume == "$MARKER_CONFIGMAP" ]]; then
      check_passed "deployment/$APP refers to ConfigMap $MARKER_CONFIGMAP (was $before_env_from), the name the change renders to, in envFrom and in volume config"
    elif [[ $after_env_from == "$before_env_from" ]]; then
      check_failed "deployment/$APP still refers to ConfigMap $before_env_from after the change; want $MARKER_CONFIGMAP, the name the change renders to"
    else
      check_failed "deployment/$APP refers to ConfigMap '$after_env_from' (envFrom) and '$after_volume' (volume config) after the change; want $MARKER_CONFIGMAP for both"
    fi
    if [[ $before_revision =~ ^[0-9]+$ && $after_revision =~ ^[0-9]+$ ]] && ((after_revision > before_revision)); then
      check_passed "revision $before_revision -> $after_revision"
    else
      check_failed "the revision of deployment/$APP did not go up: '$before_revision' before the change, '$after_revision' after"
    fi
  fi
  check_pods_replaced "$BEFORE_PODS"

  # GET / through a port-forward to the Service (port 80 -> named port http): now a new pod answers.
  local url="http://127.0.0.1:$PORT/"
  local -a port_forward=("${KC[@]}" port-forward "service/$APP" "$PORT:80")
  if $DRY_RUN; then
    printf '%s &\n' "$(quote_cmd "${port_forward[@]}")"
    run "${CURL_GET[@]}" "$url"
    return 0
  fi
  printf '+ %s &\n' "$(quote_cmd "${port_forward[@]}")" >&2
  "${port_forward[@]}" >"$WORK_DIR/port-forward.log" 2>&1 &
  PF_PID=$!
  if get_body "$url"; then
    check_body "$WORK_DIR/body.json"
  else
    check_failed "GET / failed: $(cat "$WORK_DIR/curl.err" "$WORK_DIR/port-forward.log" 2>/dev/null | tail -n 3)"
  fi
  stop_port_forward
}

# restore: step 4, deploy.sh's own deploy step for the --via, then the rollout wait; checks that the
# Deployment refers to the committed ConfigMap again.
restore() {
  RESTORE_PENDING=false
  $DRY_RUN || say "restoring the committed state ($RESTORE_HOW)"
  local ok=true
  case $VIA in
    helm) run "$HELM" "${HELM_DEPLOY[@]}" || ok=false ;;
    kustomize) run "$KUBECTL" --context "$KUBE_CONTEXT" apply -k "$OVERLAY" || ok=false ;;
  esac
  run "${KC[@]}" rollout status "deployment/$APP" --timeout="$WAIT_TIMEOUT" || ok=false
  if [[ $VIA == kustomize ]] && $ok; then
    # kubectl apply prunes nothing: the marker's ConfigMap would stay in the namespace.
    run "${KC[@]}" delete configmap "$MARKER_CONFIGMAP" --ignore-not-found || ok=false
  fi
  # shellcheck disable=SC2034 # read_state sets all four; not every step reads all
  local restored_revision="" restored_helm_release="" restored_env_from="" restored_volume=""
  read_state restored || ok=false
  $DRY_RUN && return 0
  if $ok && [[ $restored_env_from == "$COMMITTED_CONFIGMAP" && $restored_volume == "$COMMITTED_CONFIGMAP" ]]; then
    RESTORED=true
    say "restored: deployment/$APP refers to the committed ConfigMap $COMMITTED_CONFIGMAP again (revision $restored_revision)."
  else
    check_failed "the restore did not bring back the committed state: deployment/$APP refers to '${restored_env_from}', want $COMMITTED_CONFIGMAP. Fix: kind/deploy.sh $TARGET_ENV --app $APP --via $VIA"
  fi
}

summary() {
  local what="for $TARGET_ENV --via $VIA"
  if ((${#FAILURES[@]} == 0)); then
    say "all checks passed $what: the configuration change rolled the pods, and the committed state is back."
    return 0
  fi
  if $RESTORED; then
    say "$(plural ${#FAILURES[@]} check) failed $what; the committed state is back."
  else
    say "$(plural ${#FAILURES[@]} check) failed $what, and the committed state is NOT back. Fix: kind/deploy.sh $TARGET_ENV --app $APP --via $VIA"
  fi
  return 1
}

cleanup() {
  local rc=$?
  set +e
  stop_port_forward
  if $RESTORE_PENDING; then
    say "stopped (exit $rc) after the change; restoring before exiting."
    restore
    if $RESTORED; then
      say "stopped before the checks were done; the committed state is back."
    else
      say "stopped before the checks were done, and the committed state is NOT back. Fix: kind/deploy.sh $TARGET_ENV --app $APP --via $VIA"
    fi
    ((rc == 0)) && rc=1
  fi
  [[ -n $WORK_DIR ]] && rm -rf "$WORK_DIR"
  if [[ -n $KUSTOMIZATION_DIR ]]; then
    rm -rf "$KUSTOMIZATION_DIR"
    $REMOVE_WORK_ROOT && rmdir "$ROLLOUT_WORK_DIR" 2>/dev/null
  fi
  exit "$rc"
}

main() {
  parse_env_args "$@"
  local env=$TARGET_ENV
  case $VIA in
    helm | kustomize) ;;
    *) usage_error "unknown --via '$VIA': use helm or kustomize (the deliveries whose config change this checks)" ;;
  esac
  MARKER=${ROLLOUT_MARKER:-}
  if [[ -z $MARKER ]]; then
    printf -v MARKER 'rollout-%(%Y%m%d-%H%M%S)T-%04x' -1 "$RANDOM"
  fi
  [[ $MARKER =~ $MARKER_RE ]] ||
    usage_error "ROLLOUT_MARKER '$MARKER' is not a marker: a lower-case letter, then up to 62 of a-z 0-9 . - (it goes into --set-string, a kustomize literal and envapp's masking, unquoted)"
  PORT=${ROLLOUT_PORT:-18081}
  PODS_TIMEOUT=${ROLLOUT_PODS_TIMEOUT:-90}
  POLL_INTERVAL=${ROLLOUT_POLL_INTERVAL:-3}
  [[ $PORT =~ ^[0-9]+$ && $PODS_TIMEOUT =~ ^[0-9]+$ && $POLL_INTERVAL =~ ^[0-9]+$ ]] ||
    usage_error "ROLLOUT_PORT, ROLLOUT_PODS_TIMEOUT and ROLLOUT_POLL_INTERVAL must be whole numbers"
  require_bash
  enter_repo_root

  local ns="$APP-$env" values="$APP_CHART_DIR/values-$env.yaml"
  OVERLAY=$APP_OVERLAYS_DIR/$env

  require_tool KUBECTL kubectl "$MIN_KUBECTL" "$FIX_KUBECTL" version --client
  require_tool CURL curl "$MIN_CURL" "$FIX_CURL" --version
  if [[ $VIA == helm ]]; then
    require_tool HELM helm "$MIN_HELM" "$FIX_HELM" version --short
  fi
  if [[ -n $(tool_path "$JQ") ]]; then
    require_tool JQ jq "$MIN_JQ" "$FIX_JQ" --version
  else
    note "jq not found; reading the JSON with the grep fallback (flat objects only). For a full check: $FIX_JQ."
  fi
  # Tools resolved: KC and CURL_GET name them as they will run.
  KC=("$KUBECTL" --context "$KUBE_CONTEXT" -n "$ns")
  CURL_GET=("$CURL" -fsS --max-time 5)
  # deploy.sh's helm step, word for word; the change adds --set-string to it.
  HELM_DEPLOY=(upgrade --install "$APP" "$APP_CHART_DIR" --kube-context "$KUBE_CONTEXT"
    --namespace "$ns" --create-namespace --values "$values" --wait --timeout "$HELM_TIMEOUT")
  case $VIA in
    helm)
      require_path "$APP_CHART_DIR/Chart.yaml" "the $APP chart" "$FIX_GENERATE"
      require_path "$values" "the $env values" "$FIX_GENERATE"
      RESTORE_HOW="helm upgrade with $values"
      ;;
    kustomize)
      require_path "$OVERLAY/kustomization.yaml" "the $env overlay" "$FIX_GENERATE"
      RESTORE_HOW="kubectl apply -k $OVERLAY"
      ;;
  esac

  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  # The committed ConfigMap name and the one the change gives, each rendered by the tool that deploys.
  COMMITTED_CONFIGMAP="<committed $CONFIGMAP>"
  MARKER_CONFIGMAP="<$CONFIGMAP with $CONFIG_KEY=$MARKER>"
  if ((${#PROBLEMS[@]} == 0)); then
    if [[ $VIA == kustomize ]]; then
      [[ -d $ROLLOUT_WORK_DIR ]] || REMOVE_WORK_ROOT=true
      KUSTOMIZATION_DIR=$ROLLOUT_WORK_DIR/config-rollout-$env
      rm -rf "$KUSTOMIZATION_DIR"
      (umask 077 && write_kustomization "$KUSTOMIZATION_DIR" "$OVERLAY" "$MARKER")
    fi
    if ((${#MISSING_PATHS[@]} == 0)); then
      case $VIA in
        helm)
          local -a template=("$HELM" template "$APP" "$APP_CHART_DIR" --namespace "$ns" --values "$values")
          configmap_name COMMITTED_CONFIGMAP "the committed $env state" "${template[@]}"
          configmap_name MARKER_CONFIGMAP "the change" "${template[@]}" --set-string "$CONFIG_VALUE=$MARKER"
          ;;
        kustomize)
          configmap_name COMMITTED_CONFIGMAP "the committed $env state" "$KUBECTL" kustomize "$OVERLAY"
          configmap_name MARKER_CONFIGMAP "the change" "$KUBECTL" kustomize "$KUSTOMIZATION_DIR"
          ;;
      esac
      if ((${#PROBLEMS[@]} == 0)) && [[ $COMMITTED_CONFIGMAP == "$MARKER_CONFIGMAP" ]]; then
        PROBLEMS+=("the change does not rename the ConfigMap: with $CONFIG_KEY=$MARKER it is still $COMMITTED_CONFIGMAP, so it would roll no pod. Fix: $CONFIG_VALUE must feed the key $CONFIG_KEY of $CONFIGMAP (Showcase.CONFIG); regenerate (./mvnw -q generate-resources).")
      fi
    else
      note "the ConfigMap names are read from the rendered manifests, which need those files; shown as placeholders."
    fi
  fi
  if ! $DRY_RUN && ((${#PROBLEMS[@]} == 0)); then
    check_kube_context
  fi
  preflight_or_exit
  if ((${#MISSING_PATHS[@]} == 0)); then
    note "$CONFIG_KEY=$MARKER renames ConfigMap $COMMITTED_CONFIGMAP (committed) to $MARKER_CONFIGMAP."
  fi
  $DRY_RUN || WORK_DIR=$(mktemp -d)

  # 1. what the Deployment runs now
  # shellcheck disable=SC2034 # read_state sets all four; not every step reads all
  local before_revision="" before_helm_release="" before_env_from="" before_volume=""
  BEFORE_PODS=""
  if ! read_state before; then
    say "could not read deployment/$APP in $ns; nothing was changed. Fix: deploy it first: kind/deploy.sh $env --app $APP --via $VIA"
    return 1
  fi
  capture BEFORE_PODS "${KC[@]}" get pods -l "$POD_SELECTOR" -o "$PODS_JSONPATH" || {
    say "could not list the pods of deployment/$APP in $ns; nothing was changed."
    return 1
  }
  if ! $DRY_RUN; then
    local refuse=""
    if [[ -z $before_env_from ]]; then
      refuse="deployment/$APP in $ns refers to no ConfigMap (envFrom); it is not the committed $APP. Fix: kind/deploy.sh $env --app $APP --via $VIA"
    elif [[ $VIA == helm && $before_helm_release != "$APP" ]]; then
      refuse="deployment/$APP in $ns is not part of the Helm release $APP (deployed --via kustomize?), so helm upgrade cannot change it. Fix: run with --via kustomize, or redeploy: kubectl --context $KUBE_CONTEXT delete namespace $ns && kind/deploy.sh $env --app $APP"
    elif [[ $VIA == kustomize && -n $before_helm_release ]]; then
      refuse="deployment/$APP in $ns belongs to the Helm release $before_helm_release; kubectl apply would change what Helm owns. Fix: run with --via helm, or redeploy: kubectl --context $KUBE_CONTEXT delete namespace $ns && kind/deploy.sh $env --app $APP --via kustomize"
    fi
    if [[ -n $refuse ]]; then
      say "$refuse"
      say "stopped before changing anything."
      return 1
    fi
    if [[ $before_env_from != "$COMMITTED_CONFIGMAP" ]]; then
      note "deployment/$APP refers to ConfigMap $before_env_from, not the committed $COMMITTED_CONFIGMAP; the restore at the end brings the committed one back."
    fi
  fi

  # 2. and 3. the change, the rollout, the checks; 4. the restore, whatever happened
  RESTORE_PENDING=true
  change_and_check
  restore
  if $DRY_RUN; then
    note "dry run: no check evaluated; a real run checks after the rollout, and restores even when a check fails."
    return 0
  fi
  summary
}

main "$@"
