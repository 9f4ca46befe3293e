#!/usr/bin/env bash
# Creates the kind cluster "envapp" (kind/kind-config.yaml) and installs metrics-server and the Gateway API
# CRDs into it.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
SCRIPT_NAME=up.sh
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
Usage: kind/up.sh [--dry-run] [--help]

Creates the kind cluster '$CLUSTER_NAME' from $KIND_CONFIG (1 control-plane node and 2 workers,
node image pinned by digest; the control plane keeps its NoSchedule taint, which the envapp chart
tolerates), then installs metrics-server with helm into namespace kube-system and waits until
the metrics API (apiservice v1beta1.metrics.k8s.io) is Available. The chart's repo, version and
values file (--kubelet-insecure-tls, because kind's kubelets serve self-signed certificates) come
from the helmCharts entry metrics-server of
$METRICS_SERVER_COMPONENT, the one pin the GitOps tree uses too.
Last, it applies the Gateway API's standard CRDs ($GATEWAY_API_VERSION) and waits until HTTPRoute is
Established: showcase's prod overlay and chart have an HTTPRoute, which the API server refuses
without them. A real run skips 'kind create cluster' when the cluster already exists.

Options:
  --dry-run   print the exact commands, one per line, and change nothing. The tool checks still
              run (they only ask each tool for its version); no Docker engine is needed. Without
              generated/, the metrics-server repo and version are shown as placeholders.
  -h, --help  show this help.

Tools (checked before anything runs; override a binary with the variable):
  docker >= $MIN_DOCKER (DOCKER)   kind >= $MIN_KIND (KIND)   kubectl >= $MIN_KUBECTL (KUBECTL)
  helm >= $MIN_HELM, 3 or 4 (HELM)

Exit codes: 0 ok, 1 a command failed, 2 usage error, 3 preflight failed (nothing was run).
EOF
}

# The Gateway API release whose standard channel (GatewayClass, Gateway, HTTPRoute, GRPCRoute,
# ReferenceGrant) up.sh installs: HTTPRoute is v1 there, as the generator writes it.
readonly GATEWAY_API_VERSION=v1.2.1
readonly GATEWAY_API_CRDS="https://github.com/kubernetes-sigs/gateway-api/releases/download/$GATEWAY_API_VERSION/standard-install.yaml"

# read_metrics_server_pin: sets chart_repo, chart_version and chart_values (main's locals) from the
# helmCharts entry metrics-server of $METRICS_SERVER_COMPONENT, or records a problem naming the field.
read_metrics_server_pin() {
  local key raw value fix="regenerate it (./mvnw -q generate-resources); if the generator writes it so, fix the pin in the generator"
  for key in repo version valuesFile; do
    raw=$(helm_chart_field "$METRICS_SERVER_COMPONENT" metrics-server "$key")
    if ! value=$(yaml_scalar "$raw"); then
      if [[ -z $raw ]]; then
        PROBLEMS+=("$METRICS_SERVER_COMPONENT has no $key in a helmCharts entry named metrics-server. Fix: $fix.")
      else
        PROBLEMS+=("$METRICS_SERVER_COMPONENT: helmCharts[metrics-server].$key is '$raw', which is not a one-line YAML scalar. Fix: $fix.")
      fi
      continue
    fi
    case $key in
      repo)
        if [[ $value =~ ^(https?|oci)://[^[:space:]]+$ ]]; then
          chart_repo=$value
        else
          PROBLEMS+=("$METRICS_SERVER_COMPONENT: helmCharts[metrics-server].repo is '$value', not an http(s) or oci URL. Fix: $fix.")
        fi
        ;;
      version)
        if [[ $value =~ ^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]]; then
          chart_version=$value
        else
          PROBLEMS+=("$METRICS_SERVER_COMPONENT: helmCharts[metrics-server].version is '$value', not an exact chart version (like 3.13.1). Fix: $fix.")
        fi
        ;;
      valuesFile)
        # A file beside the component, as kustomize reads it.
        if [[ ! $value =~ ^[A-Za-z0-9_][A-Za-z0-9._-]*$ ]]; then
          PROBLEMS+=("$METRICS_SERVER_COMPONENT: helmCharts[metrics-server].valuesFile is '$value', not a file name beside it. Fix: $fix.")
        elif [[ ! -f ${METRICS_SERVER_COMPONENT%/*}/$value ]]; then
          PROBLEMS+=("$METRICS_SERVER_COMPONENT: helmCharts[metrics-server].valuesFile ${METRICS_SERVER_COMPONENT%/*}/$value does not exist. Fix: $fix.")
        else
          chart_values=${METRICS_SERVER_COMPONENT%/*}/$value
        fi
        ;;
    esac
  done
}

main() {
  parse_flags_only "$@"
  require_bash
  enter_repo_root

  require_tool DOCKER docker "$MIN_DOCKER" "$FIX_DOCKER" --version
  require_tool KIND kind "$MIN_KIND" "$FIX_KIND" version
  require_tool KUBECTL kubectl "$MIN_KUBECTL" "$FIX_KUBECTL" version --client
  require_tool HELM helm "$MIN_HELM" "$FIX_HELM" version --short
  require_path "$KIND_CONFIG" "the kind cluster config" "restore it from git"
  require_path "$METRICS_SERVER_COMPONENT" "the metrics-server chart pin" "$FIX_GENERATE"
  local chart_repo='<metrics-server repo>' chart_version='<metrics-server version>' chart_values='<metrics-server values>'
  if [[ -f $METRICS_SERVER_COMPONENT ]]; then
    read_metrics_server_pin
  fi
  if ! $DRY_RUN && ((${#PROBLEMS[@]} == 0)); then
    check_docker_engine
  fi
  preflight_or_exit

  local clusters=""
  if ! $DRY_RUN; then
    clusters=$("$KIND" get clusters 2>/dev/null) || clusters=""
  fi
  if grep -qx -- "$CLUSTER_NAME" <<<"$clusters"; then
    note "cluster $CLUSTER_NAME already exists; skipping 'kind create cluster'."
  else
    run "$KIND" create cluster --name "$CLUSTER_NAME" --config "$KIND_CONFIG" --wait 120s
  fi
  run "$HELM" upgrade --install metrics-server metrics-server \
    --repo "$chart_repo" --version "$chart_version" \
    --kube-context "$KUBE_CONTEXT" --namespace kube-system \
    --values "$chart_values" --wait --timeout "$HELM_TIMEOUT"
  run "$KUBECTL" --context "$KUBE_CONTEXT" wait --for=condition=Available \
    --timeout="$WAIT_TIMEOUT" apiservice/v1beta1.metrics.k8s.io
  run "$KUBECTL" --context "$KUBE_CONTEXT" apply --server-side -f "$GATEWAY_API_CRDS"
  run "$KUBECTL" --context "$KUBE_CONTEXT" wait --for=condition=Established \
    --timeout="$WAIT_TIMEOUT" crd/httproutes.gateway.networking.k8s.io
}

main "$@"
