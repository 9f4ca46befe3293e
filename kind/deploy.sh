#!/usr/bin/env bash
# Builds the envapp image, loads it into kind, deploys one env from generated/ and waits for the rollout.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
SCRIPT_NAME=deploy.sh
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
Usage: kind/deploy.sh <dev|prod> [--via helm|kustomize|helmcharts|post-renderer] [--dry-run] [--help]

Builds the image with 'docker build -f $DOCKERFILE .', loads it with 'kind load docker-image',
deploys release '$RELEASE' into namespace envapp-<env> of context $KUBE_CONTEXT, then waits for
'kubectl rollout status deployment/envapp'. The image name comes from the chart values
($CHART_DIR/values.yaml and values-<env>.yaml: image.repository and image.tag, else the
chart's appVersion); without them it is $DEFAULT_IMAGE.

  --via helm            (default) helm upgrade --install $CHART_DIR with values-<env>.yaml
  --via kustomize       kubectl apply -k $OVERLAYS_DIR/<env>
  --via helmcharts      kubectl kustomize --enable-helm $GITOPS_HELMCHARTS_DIR/<env> | kubectl apply -f -
                        Needs Helm 3: kustomize runs 'helm version -c', which Helm 4 removed. With
                        Helm 4 as helm, give a Helm 3 binary: HELM3=/path/to/helm3.
  --via post-renderer   helm upgrade --install with the kustomize post-renderer of $GITOPS_POST_RENDERER_DIR/<env>.
                        Helm 3: --post-renderer <env>/kustomize.sh (an executable).
                        Helm 4: --post-renderer envapp-kustomize-<env> (a plugin name). The plugin in
                        <env>/plugin is installed first if missing, into a Helm data home of its own,
                        HELM_DATA_HOME=$HELM4_DATA_HOME_DIR/<env>: both envs' plugin directories are
                        named 'plugin', which Helm 4 uses as the install name, and a Helm 4 plugin in
                        a data home shared with Helm 3 makes every Helm 3 command fail.

Options:
  --dry-run   print the exact commands, one per line, and change nothing. The tool checks still
              run (they only ask each tool for its version, and Helm 4 for its plugin list).
  -h, --help  show this help.

Tools (checked before anything runs; override a binary with the variable):
  docker >= $MIN_DOCKER (DOCKER)   kind >= $MIN_KIND (KIND)   kubectl >= $MIN_KUBECTL (KUBECTL)
  helm >= $MIN_HELM, 3 or 4 (HELM; not needed for --via kustomize)   Helm 3 for --via helmcharts (HELM3)

Exit codes: 0 ok, 1 a command failed, 2 usage error, 3 preflight failed (nothing was run).
EOF
}

# values_image FILE: prints "repository<TAB>tag" from a top-level image: block of a values file
# (two-space indented, as the generator writes it), or the whole reference for "image: repo:tag".
values_image() {
  [[ -f $1 ]] || return 0
  awk '
    function clean(v) { sub(/[ \t]+#.*$/, "", v); gsub(/^["\047]|["\047]$/, "", v); return v }
    /^[^ \t#]/ {
      inimage = 0
      if ($0 ~ /^image:[ \t]*$/) { inimage = 1 }
      else if ($0 ~ /^image:[ \t]*[^ \t]/) { v = $0; sub(/^image:[ \t]*/, "", v); ref = clean(v) }
      next
    }
    inimage && /^  repository:/ { v = $0; sub(/^  repository:[ \t]*/, "", v); repo = clean(v) }
    inimage && /^  tag:/ { v = $0; sub(/^  tag:[ \t]*/, "", v); tag = clean(v) }
    END { if (ref != "") print ref; else print repo "\t" tag }
  ' "$1"
}

chart_app_version() {
  [[ -f $CHART_DIR/Chart.yaml ]] || return 0
  awk '/^appVersion:/ { v = $0; sub(/^appVersion:[ \t]*/, "", v); gsub(/^["\047]|["\047]$/, "", v); print v }' "$CHART_DIR/Chart.yaml"
}

# image_ref ENV: the image the chart deploys for ENV.
image_ref() {
  local env=$1 repo="" tag="" line r t
  for line in "$(values_image "$CHART_DIR/values.yaml")" "$(values_image "$CHART_DIR/values-$env.yaml")"; do
    [[ -z $line ]] && continue
    if [[ $line == *$'\t'* ]]; then
      r=${line%%$'\t'*} t=${line#*$'\t'}
    elif [[ ${line##*/} == *:* ]]; then
      r=${line%:*} t=${line##*:}
    else
      r=$line t=""
    fi
    [[ -n $r ]] && repo=$r
    [[ -n $t ]] && tag=$t
  done
  [[ -n $tag ]] || tag=$(chart_app_version)
  if [[ -n $repo && -n $tag ]]; then
    printf '%s:%s' "$repo" "$tag"
  else
    printf '%s' "$DEFAULT_IMAGE"
  fi
}

# helm4_plugin_installed DATA_HOME NAME: asks Helm 4 (read-only) whether plugin NAME is installed.
helm4_plugin_installed() {
  local list name _
  list=$(env "HELM_DATA_HOME=$1" "$HELM" plugin list 2>/dev/null) || list=""
  while read -r name _; do
    [[ $name == "$2" ]] && return 0
  done <<<"$list"
  return 1
}

main() {
  local env="" via=helm
  while (($# > 0)); do
    case $1 in
      --dry-run) DRY_RUN=true ;;
      -h | --help)
        usage
        return 0
        ;;
      --via)
        (($# >= 2)) || usage_error "--via needs a value: helm, kustomize, helmcharts or post-renderer"
        via=$2
        shift
        ;;
      --via=*) via=${1#--via=} ;;
      -*) usage_error "unknown option '$1'" ;;
      *)
        [[ -z $env ]] || usage_error "unexpected argument '$1' (the env is already '$env')"
        env=$1
        ;;
    esac
    shift
  done
  [[ -n $env ]] || usage_error "missing the env: dev or prod"
  [[ $env == dev || $env == prod ]] || usage_error "unknown env '$env': use dev or prod"
  case $via in
    helm | kustomize | helmcharts | post-renderer) ;;
    *) usage_error "unknown --via '$via': use helm, kustomize, helmcharts or post-renderer" ;;
  esac
  require_bash
  enter_repo_root

  local ns="envapp-$env"
  local values="$CHART_DIR/values-$env.yaml"
  local post_renderer_dir="$GITOPS_POST_RENDERER_DIR/$env"
  local helm_major=0 helm3=""

  require_tool DOCKER docker "$MIN_DOCKER" "$FIX_DOCKER" --version
  require_tool KIND kind "$MIN_KIND" "$FIX_KIND" version
  require_tool KUBECTL kubectl "$MIN_KUBECTL" "$FIX_KUBECTL" version --client
  case $via in
    helm | post-renderer)
      require_tool HELM helm "$MIN_HELM" "$FIX_HELM" version --short
      helm_major=${HELM_VERSION%%.*}
      ;;
    helmcharts)
      if [[ -n ${HELM3:-} ]]; then
        require_tool HELM3 helm3 "$MIN_HELM" "$FIX_HELM3" version --short
        if [[ -n $HELM3_VERSION && ${HELM3_VERSION%%.*} != 3 ]]; then
          PROBLEMS+=("HELM3=$HELM3 is Helm $HELM3_VERSION, not Helm 3; --via helmcharts needs Helm 3. Fix: $FIX_HELM3.")
        fi
        helm3=$HELM3
      else
        require_tool HELM helm "$MIN_HELM" "$FIX_HELM" version --short
        if [[ -n $HELM_VERSION && ${HELM_VERSION%%.*} != 3 ]]; then
          PROBLEMS+=("--via helmcharts needs Helm 3: kustomize inflates helmCharts by running 'helm version -c', a flag Helm 4 removed, and $HELM is Helm $HELM_VERSION. Fix: give a Helm 3 binary, e.g. HELM3=$TOOLS_CACHE_HINT/helm-v3.17.1/helm kind/deploy.sh $env --via helmcharts (tools/fetch-tools.sh installs it).")
        fi
        helm3=$HELM
      fi
      ;;
  esac

  require_path "$DOCKERFILE" "the envapp image's Dockerfile" "the envapp module provides it"
  case $via in
    helm)
      require_path "$CHART_DIR/Chart.yaml" "the envapp chart" "$FIX_GENERATE"
      require_path "$values" "the $env values" "$FIX_GENERATE"
      ;;
    kustomize)
      require_path "$OVERLAYS_DIR/$env/kustomization.yaml" "the $env overlay" "$FIX_GENERATE"
      ;;
    helmcharts)
      require_path "$GITOPS_HELMCHARTS_DIR/$env/kustomization.yaml" "the $env helmCharts kustomization" "$FIX_GENERATE"
      require_path "$CHART_DIR/Chart.yaml" "the envapp chart" "$FIX_GENERATE"
      ;;
    post-renderer)
      require_path "$CHART_DIR/Chart.yaml" "the envapp chart" "$FIX_GENERATE"
      require_path "$values" "the $env values" "$FIX_GENERATE"
      if ((helm_major >= 4)); then
        require_path "$post_renderer_dir/plugin/plugin.yaml" "the Helm 4 post-renderer plugin" "$FIX_GENERATE"
      else
        require_path "$post_renderer_dir/kustomize.sh" "the Helm 3 post-renderer" "$FIX_GENERATE"
      fi
      ;;
  esac
  if ! $DRY_RUN && ((${#PROBLEMS[@]} == 0)); then
    check_docker_engine
    check_kube_context
  fi
  preflight_or_exit

  local image
  image=$(image_ref "$env")
  run "$DOCKER" build -t "$image" -f "$DOCKERFILE" .
  run "$KIND" load docker-image "$image" --name "$CLUSTER_NAME"

  local -a helm_upgrade=(upgrade --install "$RELEASE" "$CHART_DIR" --kube-context "$KUBE_CONTEXT"
    --namespace "$ns" --create-namespace --values "$values" --wait --timeout "$HELM_TIMEOUT")
  local -a create_namespace=("$KUBECTL" --context "$KUBE_CONTEXT" create namespace "$ns"
    --dry-run=client -o yaml '|' "$KUBECTL" --context "$KUBE_CONTEXT" apply -f -)
  case $via in
    helm)
      run "$HELM" "${helm_upgrade[@]}"
      ;;
    kustomize)
      run_pipe "${create_namespace[@]}"
      run "$KUBECTL" --context "$KUBE_CONTEXT" apply -k "$OVERLAYS_DIR/$env"
      ;;
    helmcharts)
      run_pipe "${create_namespace[@]}"
      run_pipe "$KUBECTL" kustomize --enable-helm --helm-command "$helm3" \
        --load-restrictor LoadRestrictionsNone "$GITOPS_HELMCHARTS_DIR/$env" \
        '|' "$KUBECTL" --context "$KUBE_CONTEXT" apply -f -
      ;;
    post-renderer)
      if ((helm_major >= 4)); then
        local data_home="$HELM4_DATA_HOME_DIR/$env" plugin="envapp-kustomize-$env"
        if ! helm4_plugin_installed "$data_home" "$plugin"; then
          run env "HELM_DATA_HOME=$data_home" "$HELM" plugin install "$post_renderer_dir/plugin"
        fi
        run env "HELM_DATA_HOME=$data_home" "$HELM" "${helm_upgrade[@]}" --post-renderer "$plugin"
      else
        run "$HELM" "${helm_upgrade[@]}" --post-renderer "$post_renderer_dir/kustomize.sh"
      fi
      ;;
  esac
  run "$KUBECTL" --context "$KUBE_CONTEXT" -n "$ns" rollout status deployment/envapp --timeout="$WAIT_TIMEOUT"
}

main "$@"
