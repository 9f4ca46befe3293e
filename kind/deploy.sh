#!/usr/bin/env bash
# Builds the envapp image, loads it into kind, deploys one env from generated/ (first creating, if absent,
# a Secret the app reads, with random values) and waits for the rollout.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
SCRIPT_NAME=deploy.sh
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly IMAGE_PLACEHOLDER='<envapp image>'
readonly IMAGE_REF_RE='^[A-Za-z0-9][A-Za-z0-9._/:@-]*$'
# Helm 4 runs with a data home of its own (see --help). Both variables: 'helm plugin install' writes
# to $HELM_DATA_HOME/plugins and ignores HELM_PLUGINS, while every other command reads HELM_PLUGINS.
readonly HELM4_ENV=(env "HELM_DATA_HOME=$HELM4_DATA_HOME_DIR" "HELM_PLUGINS=$HELM4_DATA_HOME_DIR/plugins")

usage() {
  cat <<EOF
Usage: kind/deploy.sh <dev|prod> [--via helm|kustomize|helmcharts|post-renderer] [--app envapp|showcase] [--dry-run] [--help]

Builds the image with 'docker build -f $DOCKERFILE .', loads it with 'kind load docker-image',
deploys release '$RELEASE' into namespace envapp-<env> of context $KUBE_CONTEXT, then waits for
'kubectl rollout status deployment/envapp'.

The image built is the one the manifests deploy. Before anything runs, the script renders locally
(no cluster) what the chosen --via applies, and takes the image of its Deployment:
  helm, post-renderer   helm template with values-<env>.yaml (hub/image:tag; the env's file wins)
  kustomize             kubectl kustomize of the overlay (its images: entries included)
  helmcharts            the same kubectl kustomize --enable-helm that it applies
The Deployment must name exactly one image.

  --via helm            (default) helm upgrade --install $CHART_DIR with values-<env>.yaml
  --via kustomize       kubectl apply -k $OVERLAYS_DIR/<env>
  --via helmcharts      kubectl kustomize --enable-helm $GITOPS_HELMCHARTS_DIR/<env> | kubectl apply -f -
                        Needs Helm 3: kustomize runs 'helm version -c', which Helm 4 removed. With
                        Helm 4 as helm, give a Helm 3 binary: HELM3=/path/to/helm3.
  --via post-renderer   helm upgrade --install with the kustomize post-renderer in
                        $GITOPS_POST_RENDERER_DIR/envapp-kustomize-<env>/.
                        Helm 3: --post-renderer <that dir>/kustomize.sh (an executable).
                        Helm 4: --post-renderer envapp-kustomize-<env>, the postrenderer/v1 plugin in
                        that dir, installed first if 'helm plugin list' lacks it. Helm 4 runs with
                        HELM_DATA_HOME=$HELM4_DATA_HOME_DIR (and HELM_PLUGINS=<that>/plugins): a Helm 4
                        plugin in a data home shared with Helm 3 makes every Helm 3 command report
                        'failed to load plugins', and 'helm plugin list' fail.

Options:
  --app NAME  the application to deploy: envapp (the default) or showcase, the second reference
              service (envapp's image with every workload feature of the model). Its paths and
              names follow the same layout: generated/helm/showcase, namespace showcase-<env>,
              release showcase, deployment/showcase. Its pods read the Secret
              showcase-credentials (keys db-password, api-token, license), which the chart does not create:
              deploy.sh creates the namespace, then the Secret if it is absent, with random values
              that kubectl reads on stdin (never from git, never printed); an existing one is kept.
  --dry-run   print the exact commands, one per line, and change nothing. The checks still run:
              they ask each tool for its version, render the manifests to read the image, and
              ask Helm 4 for its plugin list. Without generated/, the image shows as
              '$IMAGE_PLACEHOLDER'.
  -h, --help  show this help.

Tools (checked before anything runs; override a binary with the variable):
  docker >= $MIN_DOCKER (DOCKER)   kind >= $MIN_KIND (KIND)   kubectl >= $MIN_KUBECTL (KUBECTL)
  helm >= $MIN_HELM, 3 or 4 (HELM; not needed for --via kustomize)   Helm 3 for --via helmcharts (HELM3)

Exit codes: 0 ok, 1 a command failed, 2 usage error, 3 preflight failed (nothing was run).
EOF
}

# deployment_image_texts: reads YAML documents (helm or kustomize output) on stdin and prints the
# raw text after "image:" for every such key in the documents of kind Deployment.
deployment_image_texts() {
  awk '
    function flush() { if (deployment) printf "%s", texts; deployment = 0; texts = "" }
    /^---/ { flush(); next }
    /^kind:[ \t]*Deployment[ \t]*$/ { deployment = 1 }
    /^[ \t]*(- )?image:([ \t]|$)/ { t = $0; sub(/^[ \t]*(- )?image:[ \t]*/, "", t); texts = texts t "\n" }
    END { flush() }
  '
}

# read_image VAR CMD...: runs the render CMD (read-only, no cluster) and stores in VAR the one image
# its Deployment runs; records a problem if the render fails or does not name exactly one image.
read_image() {
  local var=$1
  shift
  local fix="run that command to see why; if generated/ is stale, $FIX_GENERATE"
  local rendered err text ref
  err=$(mktemp)
  if ! rendered=$("$@" 2>"$err"); then
    PROBLEMS+=("could not render the manifests to read the image: '$(quote_cmd "$@")' failed: $(tail -n 3 "$err" | tr '\n' ' ')Fix: $fix.")
    rm -f "$err"
    return 0
  fi
  rm -f "$err"
  local -a images=()
  while IFS= read -r text; do
    if ! ref=$(yaml_scalar "$text") || [[ ! $ref =~ $IMAGE_REF_RE ]]; then
      PROBLEMS+=("the Deployment rendered by '$(quote_cmd "$@")' has image: $text, which is not a plain image reference. Fix: $fix.")
      return 0
    fi
    [[ " ${images[*]} " == *" $ref "* ]] || images+=("$ref")
  done < <(deployment_image_texts <<<"$rendered")
  if ((${#images[@]} != 1)); then
    PROBLEMS+=("the Deployment rendered by '$(quote_cmd "$@")' names $(plural ${#images[@]} image)${images[*]:+ (${images[*]})}; deploy.sh builds exactly one. Fix: $fix.")
    return 0
  fi
  printf -v "$var" '%s' "${images[0]}"
}

# helm4_plugin_listed NAME: asks Helm 4 (read-only) whether plugin NAME is installed in kind's data home.
helm4_plugin_listed() {
  local list name _
  list=$("${HELM4_ENV[@]}" "$HELM" plugin list 2>/dev/null) || list=""
  while read -r name _; do
    [[ $name == "$1" ]] && return 0
  done <<<"$list"
  return 1
}

# check_helm4_plugin NAME DIR: sets install_plugin (main's local) when plugin NAME still has to be
# installed from DIR; records a problem for a leftover install that would not work.
check_helm4_plugin() {
  local plugin=$1 dir=$2 link="$HELM4_DATA_HOME_DIR/plugins/$1" target want
  local fix="rm -rf $HELM4_DATA_HOME_DIR, then rerun (deploy.sh installs the plugin again)"
  if helm4_plugin_listed "$plugin"; then
    # Helm 4 installs a local plugin as a link to its directory; a copied checkout keeps the old link.
    if [[ -L $link ]]; then
      target=$(cd "$link" 2>/dev/null && pwd -P) || target=""
      want=$(cd "$dir" 2>/dev/null && pwd -P) || want=""
      if [[ -n $want && $target != "$want" ]]; then
        PROBLEMS+=("the Helm 4 plugin $plugin in $HELM4_DATA_HOME_DIR runs ${target:-a missing directory}, not $dir of this checkout. Fix: $fix.")
      fi
    fi
  elif [[ -e $link || -L $link ]]; then
    PROBLEMS+=("$link exists but Helm 4 does not load it (a link into a moved or deleted checkout?), so installing $plugin would fail. Fix: $fix.")
  else
    install_plugin=true
  fi
}

# app_secrets APP: the Secrets APP's Deployment reads and its chart does not create, one line each,
# "name key...": the model's SecretReference (Showcase.CREDENTIALS), as the chart's README lists it.
# DeployScriptTest checks this list against the rendered Deployments of every env and --via.
app_secrets() {
  case $1 in
    showcase) printf '%s\n' "showcase-credentials db-password api-token license" ;;
  esac
}

# random_hex: 24 bytes of /dev/urandom as 48 hex digits.
random_hex() {
  local hex
  hex=$(od -An -vtx1 -N24 /dev/urandom | tr -d ' \n') || return 1
  [[ $hex =~ ^[0-9a-f]{48}$ ]] || return 1
  printf '%s' "$hex"
}

# ensure_secret NS NAME KEY...: creates Secret NAME in NS with a random value for each KEY, unless
# it exists (a real run asks first; a dry run cannot, so it always prints the create). The values
# go to kubectl on stdin, as an env file: never on a command line, in a file, or in the output.
ensure_secret() {
  local ns=$1 name=$2
  shift 2
  local -a kc=("$KUBECTL" --context "$KUBE_CONTEXT" -n "$ns")
  local -a create=("${kc[@]}" create secret generic "$name" --from-env-file=/dev/stdin)
  if $DRY_RUN; then
    run "${create[@]}"
    return 0
  fi
  local found
  if ! found=$("${kc[@]}" get secret "$name" --ignore-not-found -o name); then
    say "could not ask whether secret $name exists in $ns ('$(quote_cmd "${kc[@]}" get secret "$name" --ignore-not-found -o name)' failed)."
    return 1
  fi
  if [[ -n $found ]]; then
    note "secret $name exists in $ns; keeping its values."
    return 0
  fi
  local key value values=""
  for key in "$@"; do
    value=$(random_hex) || {
      say "could not read random bytes from /dev/urandom for secret $name."
      return 1
    }
    values+="$key=$value"$'\n'
  done
  printf '+ %s\n' "$(quote_cmd "${create[@]}")" >&2
  printf '%s' "$values" | "${create[@]}"
  note "created secret $name in $ns with random values for ${*}; they are not printed anywhere."
}

# deploy.sh's own options: --via WAY (or --via=WAY), --app NAME (or --app=NAME).
VIA=helm
APP=envapp
script_option() {
  option_value --app APP "envapp or showcase" "$@"
  ((OPTION_ARGS > 0)) || option_value --via VIA "helm, kustomize, helmcharts or post-renderer" "$@"
}

main() {
  parse_env_args "$@"
  local env=$TARGET_ENV via=$VIA app=$APP
  case $via in
    helm | kustomize | helmcharts | post-renderer) ;;
    *) usage_error "unknown --via '$via': use helm, kustomize, helmcharts or post-renderer" ;;
  esac
  case $app in
    envapp | showcase) ;;
    *) usage_error "unknown --app '$app': use envapp or showcase (the applications in generated/)" ;;
  esac
  require_bash
  enter_repo_root

  # The generator's layout, generated/{helm,kustomize,gitops}/<app> (for envapp: common.sh's names).
  local chart_dir=generated/helm/$app overlays_dir=generated/kustomize/$app/overlays
  local helmcharts_dir=generated/gitops/$app/helmcharts
  local release=$app
  local ns="$app-$env"
  local values="$chart_dir/values-$env.yaml"
  local plugin="$app-kustomize-$env"
  local post_renderer_dir=generated/gitops/$app/post-renderer/$plugin
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
      require_path "$chart_dir/Chart.yaml" "the $app chart" "$FIX_GENERATE"
      require_path "$values" "the $env values" "$FIX_GENERATE"
      ;;
    kustomize)
      require_path "$overlays_dir/$env/kustomization.yaml" "the $env overlay" "$FIX_GENERATE"
      ;;
    helmcharts)
      require_path "$helmcharts_dir/$env/kustomization.yaml" "the $env helmCharts kustomization" "$FIX_GENERATE"
      require_path "$chart_dir/Chart.yaml" "the $app chart" "$FIX_GENERATE"
      require_path "$values" "the $env values" "$FIX_GENERATE"
      ;;
    post-renderer)
      require_path "$chart_dir/Chart.yaml" "the $app chart" "$FIX_GENERATE"
      require_path "$values" "the $env values" "$FIX_GENERATE"
      if ((helm_major >= 4)); then
        require_path "$post_renderer_dir/plugin.yaml" "the Helm 4 post-renderer plugin" "$FIX_GENERATE"
      fi
      require_path "$post_renderer_dir/kustomize.sh" "the $env post-renderer" "$FIX_GENERATE"
      if [[ -f $post_renderer_dir/kustomize.sh && ! -x $post_renderer_dir/kustomize.sh ]]; then
        PROBLEMS+=("$post_renderer_dir/kustomize.sh is not executable, so helm cannot run it. Fix: chmod +x it, or regenerate it (./mvnw -q generate-resources).")
      fi
      ;;
  esac

  local -a helm_upgrade=(upgrade --install "$release" "$chart_dir" --kube-context "$KUBE_CONTEXT"
    --namespace "$ns" --create-namespace --values "$values" --wait --timeout "$HELM_TIMEOUT")
  local -a create_namespace=("$KUBECTL" --context "$KUBE_CONTEXT" create namespace "$ns"
    --dry-run=client -o yaml '|' "$KUBECTL" --context "$KUBE_CONTEXT" apply -f -)
  local -a inflate=("$KUBECTL" kustomize --enable-helm --helm-command "$helm3"
    --load-restrictor LoadRestrictionsNone "$helmcharts_dir/$env")
  local -a render=()
  case $via in
    helm | post-renderer) render=("$HELM" template "$release" "$chart_dir" --namespace "$ns" --values "$values") ;;
    kustomize) render=("$KUBECTL" kustomize "$overlays_dir/$env") ;;
    helmcharts) render=("${inflate[@]}") ;;
  esac

  # Rendering and the plugin list are only asked once every tool is there.
  local image=$IMAGE_PLACEHOLDER install_plugin=false
  if ((${#PROBLEMS[@]} == 0)); then
    if ((${#MISSING_PATHS[@]} == 0)); then
      read_image image "${render[@]}"
    else
      note "the image is read from the rendered manifests, which need those files; shown as '$IMAGE_PLACEHOLDER'."
    fi
    if [[ $via == post-renderer ]] && ((helm_major >= 4)); then
      check_helm4_plugin "$plugin" "$post_renderer_dir"
    fi
  fi
  if ! $DRY_RUN && ((${#PROBLEMS[@]} == 0)); then
    check_docker_engine
    check_kube_context
  fi
  preflight_or_exit

  run "$DOCKER" build -t "$image" -f "$DOCKERFILE" .
  run "$KIND" load docker-image "$image" --name "$CLUSTER_NAME"
  # The namespace comes first where kubectl applies objects that carry it, and where a Secret the
  # pods read must be there before them (helm's --create-namespace would be too late for it).
  local -a secrets=()
  mapfile -t secrets < <(app_secrets "$app")
  if [[ $via == kustomize || $via == helmcharts ]] || ((${#secrets[@]} > 0)); then
    run_pipe "${create_namespace[@]}"
  fi
  local line
  local -a secret
  for line in "${secrets[@]}"; do
    read -r -a secret <<<"$line"
    ensure_secret "$ns" "${secret[@]}"
  done
  case $via in
    helm)
      run "$HELM" "${helm_upgrade[@]}"
      ;;
    kustomize)
      run "$KUBECTL" --context "$KUBE_CONTEXT" apply -k "$overlays_dir/$env"
      ;;
    helmcharts)
      run_pipe "${inflate[@]}" '|' "$KUBECTL" --context "$KUBE_CONTEXT" apply -f -
      ;;
    post-renderer)
      if ((helm_major >= 4)); then
        if $install_plugin; then
          run "${HELM4_ENV[@]}" "$HELM" plugin install "$post_renderer_dir"
        fi
        run "${HELM4_ENV[@]}" "$HELM" "${helm_upgrade[@]}" --post-renderer "$plugin"
      else
        run "$HELM" "${helm_upgrade[@]}" --post-renderer "$post_renderer_dir/kustomize.sh"
      fi
      ;;
  esac
  run "$KUBECTL" --context "$KUBE_CONTEXT" -n "$ns" rollout status "deployment/$app" --timeout="$WAIT_TIMEOUT"
}

main "$@"
