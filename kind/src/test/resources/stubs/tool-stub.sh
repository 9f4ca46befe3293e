#!/usr/bin/env bash
# Test double for docker, kind, kubectl, helm, helm3 and curl (the tests copy it under each name).
# It appends its argv to $STUB_LOG (the name, then each argument after a 0x1f separator) and answers
# from STUB_* variables and from files in $STUB_DIR. It never touches anything else.
#
# Rendering is real: `helm template` and `kubectl kustomize` (the read-only renders deploy.sh reads the
# image from, and the helmCharts inflation it pipes into `kubectl apply`) run the real binaries named by
# STUB_REAL_HELM and STUB_REAL_KUBECTL, so the scripts are tested against the real generated/ tree.
# Calls made from inside such a render (kustomize running `helm version -c` and `helm template`) carry
# STUB_NESTED=1: they are passed to the real helm and not logged, since the script did not make them.
set -euo pipefail
tool=${0##*/}
upper=${tool^^}
version_var="STUB_${upper}_VERSION"

# real VAR ARGS...: runs the real binary named by VAR (helm or kubectl), marking the calls it makes as nested.
real() {
  local var=$1 bin=${!1:-}
  shift
  if [[ -z $bin ]]; then
    echo "$tool: the stub cannot run '$tool $*' because $var is not set" >&2
    exit 1
  fi
  STUB_NESTED=1 exec "$bin" "$@"
}

if [[ -n ${STUB_NESTED:-} ]]; then
  case $tool in
    helm | helm3) real STUB_REAL_HELM "$@" ;;
    kubectl) real STUB_REAL_KUBECTL "$@" ;;
  esac
  exit 0
fi

# One printf per line: the two sides of a pipeline log at the same time, and a single short append
# is not interleaved with another.
entry=""
# Helm's location variables in the environment are logged the way the scripts print them:
# env NAME=VALUE... cmd...
for var in HELM_DATA_HOME HELM_PLUGINS; do
  if [[ -n ${!var:-} ]]; then
    [[ -n $entry ]] || entry="env"$'\037'
    entry+="$var=${!var}"$'\037'
  fi
done
entry+=$tool
for arg in "$@"; do
  entry+=$'\037'"$arg"
done
printf '%s\n' "$entry" >>"${STUB_LOG:?STUB_LOG must be set}"

# STUB_FAIL: a command line prefix (tool and arguments, space separated) that exits 1.
if [[ -n ${STUB_FAIL:-} && "$tool $*" == "$STUB_FAIL"* ]]; then
  echo "$tool: stub failure for: $*" >&2
  exit 1
fi

# STUB_TERM_PARENT: a command line prefix whose first call sends SIGTERM to the script that ran it
# (its parent), as a Ctrl-C or a CI timeout would; the call itself then succeeds.
if [[ -n ${STUB_TERM_PARENT:-} && "$tool $*" == "$STUB_TERM_PARENT"* && ! -e $STUB_DIR/term-sent ]]; then
  : >"$STUB_DIR/term-sent"
  kill -TERM "$PPID"
fi

args=" $* "

# answer NAME: prints the canned answer $STUB_DIR/NAME. With NAME.1, NAME.2, ... there, each call
# prints the next one and the last repeats, for a query whose answer changes (before and after a rollout).
answer() {
  local name=$1 count=0
  if [[ -f $STUB_DIR/$name.1 ]]; then
    if [[ -f $STUB_DIR/$name.count ]]; then
      count=$(<"$STUB_DIR/$name.count")
    fi
    if [[ -f $STUB_DIR/$name.$((count + 1)) ]]; then
      count=$((count + 1))
    fi
    printf '%s\n' "$count" >"$STUB_DIR/$name.count"
    cat "$STUB_DIR/$name.$count"
  elif [[ -f $STUB_DIR/$name ]]; then
    cat "$STUB_DIR/$name"
  fi
}

# after WORD ARGS...: the argument that follows the first WORD in ARGS (nothing if there is none).
after() {
  local word=$1
  shift
  while (($# > 1)); do
    if [[ $1 == "$word" ]]; then
      printf '%s' "$2"
      return 0
    fi
    shift
  done
}

case $tool in
  docker)
    case ${1:-} in
      --version)
        echo "Docker version ${STUB_DOCKER_VERSION:-28.2.2}, build 0000000"
        exit 0
        ;;
      info) exit "${STUB_DOCKER_INFO_RC:-0}" ;;
    esac
    ;;
  kind)
    case "$*" in
      version)
        echo "kind v${STUB_KIND_VERSION:-0.30.0} go1.24.6 linux/amd64"
        exit 0
        ;;
      "get clusters")
        if [[ -n ${STUB_KIND_CLUSTERS:-} ]]; then
          tr ' ' '\n' <<<"$STUB_KIND_CLUSTERS"
        fi
        exit 0
        ;;
    esac
    ;;
  kubectl)
    case "$*" in
      "version --client")
        printf 'Client Version: v%s\nKustomize Version: v5.7.1\n' "${STUB_KUBECTL_VERSION:-1.34.5}"
        exit 0
        ;;
      "config get-contexts -o name")
        printf '%s\n' "${STUB_KUBE_CONTEXTS-kind-envapp}"
        exit 0
        ;;
    esac
    if [[ ${1:-} == kustomize ]]; then
      real STUB_REAL_KUBECTL "$@"
    fi
    case $args in
      *" get pods "*) answer pods.txt ;;
      # deployment-<name>.txt: what the jsonpath of the query prints.
      *" get deployment "*) answer "deployment-$(after deployment "$@").txt" ;;
      *" get hpa "*) cat "$STUB_DIR/hpa.txt" ;;
      *" port-forward "*)
        echo "$$" >"$STUB_DIR/port-forward.pid"
        exec sleep "${STUB_PORT_FORWARD_SECONDS:-30}"
        ;;
      # STUB_SECRETS: the Secrets that exist (names, space separated).
      *" get secret "*" --ignore-not-found -o name "*)
        name=$(after secret "$@")
        if [[ " ${STUB_SECRETS:-} " == *" $name "* ]]; then
          echo "secret/$name"
        fi
        ;;
      # What a Secret is created from, appended to secret-stdin.txt for the test to inspect.
      *" create secret "*" --from-env-file=/dev/stdin "*) cat >>"$STUB_DIR/secret-stdin.txt" ;;
      # The kustomization applied, appended to applied-kustomizations.yaml (a temporary one is gone afterwards).
      *" apply -k "*)
        dir=$(after -k "$@")
        { printf '# %s\n' "$dir"; cat "$dir/kustomization.yaml"; } >>"$STUB_DIR/applied-kustomizations.yaml"
        ;;
      *" create namespace "*) printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: stub\n' ;;
      *" apply -f - "*) cat >/dev/null ;;
    esac
    exit 0
    ;;
  helm | helm3)
    if [[ ${1:-} == template ]]; then
      real STUB_REAL_HELM "$@"
    fi
    case "$*" in
      "version --short")
        echo "v${!version_var:-3.17.1}+g0000000"
        exit 0
        ;;
      "plugin list")
        printf 'NAME\tVERSION\tTYPE\tAPIVERSION\tPROVENANCE\tSOURCE\n'
        for plugin in ${STUB_HELM_PLUGINS:-}; do
          printf '%s\t0.1.0\tpostrenderer/v1\tv1\tlocal dev\tunknown\n' "$plugin"
        done
        exit 0
        ;;
    esac
    ;;
  curl)
    case "$*" in
      --version)
        echo "curl ${STUB_CURL_VERSION:-7.88.1} (x86_64-pc-linux-gnu) libcurl/7.88.1"
        exit 0
        ;;
    esac
    url=${*: -1}
    case $url in
      */healthz | */readyz) echo ok ;;
      */) answer body.json ;;
    esac
    exit 0
    ;;
esac
exit 0
