# shellcheck shell=bash
# shellcheck disable=SC2034 # the constants are used by the scripts that source this file
# Shared by kind/up.sh, deploy.sh, smoke.sh, config-rollout.sh and down.sh. Sourced, never executed.
#
# What lives here: the fixed names (cluster, context, release, paths), the pinned versions,
# a command runner that prints instead of executing under --dry-run, and the preflight checks
# that gather every problem (missing tool, old tool, missing file, no engine) before failing.

# ---- Fixed names. kind/README.md and the tests in kind/src/test quote these literally. ----
readonly CLUSTER_NAME=envapp
readonly KUBE_CONTEXT=kind-envapp
readonly RELEASE=envapp
readonly APP_LABEL=app.kubernetes.io/name=envapp
readonly CHART_DIR=generated/helm/envapp
readonly OVERLAYS_DIR=generated/kustomize/envapp/overlays
# GitOps variant 1: <dir>/<env>/kustomization.yaml inflates the chart through helmCharts.
readonly GITOPS_HELMCHARTS_DIR=generated/gitops/envapp/helmcharts
# GitOps variant 2: <dir>/envapp-kustomize-<env>/ holds kustomize.sh (Helm 3) and plugin.yaml (Helm 4).
readonly GITOPS_POST_RENDERER_DIR=generated/gitops/envapp/post-renderer
# The one pin of the metrics-server chart (repo, version, values file), shared with the GitOps tree.
readonly METRICS_SERVER_COMPONENT=generated/gitops/components/metrics-server/kustomization.yaml
readonly DOCKERFILE=envapp/Dockerfile
readonly KIND_CONFIG=kind/kind-config.yaml
# The Helm data home deploy.sh installs the Helm 4 post-renderer plugins into (see deploy.sh --help);
# ignored by git.
readonly HELM4_DATA_HOME_DIR=kind/.work/helm4

# ---- Timeouts. (The metrics-server chart is pinned in $METRICS_SERVER_COMPONENT, not here.) ----
readonly HELM_TIMEOUT=5m
readonly WAIT_TIMEOUT=180s

# ---- Minimum tool versions, and why. ----
readonly MIN_BASH=4.4            # empty arrays under `set -u`
readonly MIN_DOCKER=23.0.0       # BuildKit by default, which envapp/Dockerfile.dockerignore needs (kind itself wants 20.10)
readonly MIN_KIND=0.30.0         # the release the pinned node image (kind-config.yaml) was built for
readonly MIN_KUBECTL=1.33.0      # kubectl supports its own minor +-1; the node image is v1.34.0
readonly MIN_HELM=3.17.0         # the Helm 3 line this project tests with; any Helm 4 passes
readonly MIN_JQ=1.6
readonly MIN_CURL=7.58.0

readonly TOOLS_CACHE_HINT=${CHART_AS_CODE_TOOLS:-$HOME/.cache/chart-as-code/tools}
readonly FIX_DOCKER='install Docker Engine 23.0 or newer (https://docs.docker.com/engine/install/), or set DOCKER=/path/to/docker'
readonly FIX_KIND='install kind v0.30.0 or newer (go install sigs.k8s.io/kind@v0.30.0, or https://kind.sigs.k8s.io/docs/user/quick-start/#installation), or set KIND=/path/to/kind'
readonly FIX_KUBECTL="run tools/fetch-tools.sh, then set KUBECTL=${TOOLS_CACHE_HINT}/kubectl-v1.34.5/kubectl (or install kubectl 1.33 or newer on PATH)"
readonly FIX_HELM="run tools/fetch-tools.sh, then set HELM=${TOOLS_CACHE_HINT}/helm-v3.17.1/helm or HELM=${TOOLS_CACHE_HINT}/helm-v4.1.4/helm (or install helm 3.17+ on PATH)"
readonly FIX_HELM3="run tools/fetch-tools.sh, then set HELM3=${TOOLS_CACHE_HINT}/helm-v3.17.1/helm"
readonly FIX_JQ='install jq 1.6 or newer (apt-get install jq), or set JQ=/path/to/jq'
readonly FIX_CURL='install curl (apt-get install curl), or set CURL=/path/to/curl'
readonly FIX_GENERATE='generate it first (./mvnw -q generate-resources)'

# ---- State. ----
# Tool commands: a name looked up on PATH, or a path. Override any of them from the environment.
DOCKER=${DOCKER:-docker}
KIND=${KIND:-kind}
KUBECTL=${KUBECTL:-kubectl}
HELM=${HELM:-helm}
HELM3=${HELM3:-}
JQ=${JQ:-jq}
CURL=${CURL:-curl}
SCRIPT_NAME=${SCRIPT_NAME:-$(basename "$0")}
DRY_RUN=false
PROBLEMS=()
# Paths a dry run found missing (a real run records them in PROBLEMS instead).
MISSING_PATHS=()

# plural N WORD: "1 problem", "2 problems".
plural() {
  if (($1 == 1)); then printf '1 %s' "$2"; else printf '%s %ss' "$1" "$2"; fi
}

say() { printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2; }
note() { say "note: $*"; }
usage_error() {
  say "$*"
  say "see '$SCRIPT_NAME --help'"
  exit 2
}

# parse_flags_only ARGS...: the options of a script that takes no operands (--dry-run, --help).
parse_flags_only() {
  while (($# > 0)); do
    case $1 in
      --dry-run) DRY_RUN=true ;;
      -h | --help)
        usage
        exit 0
        ;;
      *) usage_error "unknown argument '$1'" ;;
    esac
    shift
  done
}

# option_value NAME VAR HINT ARGS...: for a script_option. When ARGS start with NAME VALUE or
# NAME=VALUE, puts VALUE in VAR and sets OPTION_ARGS to how many arguments that took; NAME without a
# value is a usage error naming HINT, the values it takes.
option_value() {
  local name=$1 var=$2 hint=$3
  shift 3
  case $1 in
    "$name")
      (($# >= 2)) || usage_error "$name needs a value: $hint"
      printf -v "$var" '%s' "$2"
      OPTION_ARGS=2
      ;;
    "$name"=*)
      printf -v "$var" '%s' "${1#"$name"=}"
      OPTION_ARGS=1
      ;;
  esac
}

# check_failed / check_passed MESSAGE: a script's checks; the failed ones are kept in FAILURES.
FAILURES=()
check_failed() {
  FAILURES+=("$*")
  say "FAIL: $*"
}
check_passed() { say "ok: $*"; }

# parse_env_args ARGS...: the options of a script that takes one env: --dry-run, --help, and the
# env itself (dev or prod), which it puts in TARGET_ENV. A script with options of its own defines
# script_option: it gets the remaining arguments and sets OPTION_ARGS to how many it took (0 when
# $1 is not one of its options).
parse_env_args() {
  TARGET_ENV=""
  while (($# > 0)); do
    OPTION_ARGS=0
    if declare -F script_option >/dev/null; then script_option "$@"; fi
    if ((OPTION_ARGS > 0)); then
      shift "$OPTION_ARGS"
      continue
    fi
    case $1 in
      --dry-run) DRY_RUN=true ;;
      -h | --help)
        usage
        exit 0
        ;;
      -*) usage_error "unknown option '$1'" ;;
      *)
        [[ -z $TARGET_ENV ]] || usage_error "unexpected argument '$1' (the env is already '$TARGET_ENV')"
        TARGET_ENV=$1
        ;;
    esac
    shift
  done
  [[ -n $TARGET_ENV ]] || usage_error "missing the env: dev or prod"
  [[ $TARGET_ENV == dev || $TARGET_ENV == prod ]] || usage_error "unknown env '$TARGET_ENV': use dev or prod"
}

# The bash check cannot use the PROBLEMS machinery safely on an old bash, so it exits at once.
require_bash() {
  local have="${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}"
  if ! version_ge "$have" "$MIN_BASH"; then
    say "bash $have is too old (need >= $MIN_BASH). Fix: install a newer bash (macOS: brew install bash) and run the script with it."
    exit 3
  fi
}

# ---- Printing commands exactly as they run. ----
readonly SAFE_WORD_RE='^[A-Za-z0-9_./:=@%+,-]+$'

# Quotes one word for a POSIX shell: plain words stay as they are, others get single quotes.
quote_word() {
  local word=$1
  if [[ $word =~ $SAFE_WORD_RE ]]; then
    printf '%s' "$word"
  else
    printf "'%s'" "${word//\'/\'\\\'\'}"
  fi
}

quote_cmd() {
  local out="" word
  for word in "$@"; do
    out+="${out:+ }$(quote_word "$word")"
  done
  printf '%s' "$out"
}

# run CMD...: under --dry-run prints the command on stdout; otherwise echoes it on stderr and runs it.
run() {
  if $DRY_RUN; then
    printf '%s\n' "$(quote_cmd "$@")"
    return 0
  fi
  printf '+ %s\n' "$(quote_cmd "$@")" >&2
  "$@"
}

# run_pipe CMD1... '|' CMD2...: the same for a two-command pipeline.
run_pipe() {
  local -a left=() right=()
  local seen=false word
  for word in "$@"; do
    if ! $seen && [[ $word == '|' ]]; then
      seen=true
    elif $seen; then
      right+=("$word")
    else
      left+=("$word")
    fi
  done
  local line
  line="$(quote_cmd "${left[@]}") | $(quote_cmd "${right[@]}")"
  if $DRY_RUN; then
    printf '%s\n' "$line"
    return 0
  fi
  printf '+ %s\n' "$line" >&2
  "${left[@]}" | "${right[@]}"
}

# capture VAR CMD...: runs a read-only query and stores its stdout (under --dry-run: prints it, stores "").
capture() {
  local var=$1
  shift
  if $DRY_RUN; then
    printf '%s\n' "$(quote_cmd "$@")"
    printf -v "$var" '%s' ""
    return 0
  fi
  printf '+ %s\n' "$(quote_cmd "$@")" >&2
  local out
  out=$("$@") || return 1
  printf -v "$var" '%s' "$out"
}

# ---- Versions. ----

# version_ge A B: true when dotted version A >= B (numeric per part; missing parts count as 0).
version_ge() {
  local -a a b
  IFS=. read -r -a a <<<"$1"
  IFS=. read -r -a b <<<"$2"
  local i n=$((${#a[@]} > ${#b[@]} ? ${#a[@]} : ${#b[@]}))
  for ((i = 0; i < n; i++)); do
    local x=$((10#${a[i]:-0})) y=$((10#${b[i]:-0}))
    ((x > y)) && return 0
    ((x < y)) && return 1
  done
  return 0
}

# first_version TEXT: prints the first dotted number in TEXT (v1.34.5 -> 1.34.5, jq-1.6 -> 1.6).
first_version() {
  if [[ $1 =~ ([0-9]+(\.[0-9]+)+) ]]; then
    printf '%s' "${BASH_REMATCH[1]}"
  fi
}

# ---- Tools. ----

# Absolute path for a tool override given as a relative path, so it survives the cd to the repo root.
absolutize_tool_vars() {
  local var value
  for var in DOCKER KIND KUBECTL HELM HELM3 JQ CURL; do
    value=${!var:-}
    if [[ -n $value && $value == */* && $value != /* ]]; then
      local dir
      if ! dir=$(cd "$(dirname "$value")" 2>/dev/null && pwd -P); then
        dir=$(dirname "$value")
      fi
      printf -v "$var" '%s/%s' "$dir" "$(basename "$value")"
    fi
  done
}

# tool_path NAME-OR-PATH: prints the executable's path, or nothing.
tool_path() {
  local bin=$1
  if [[ $bin == */* ]]; then
    [[ -f $bin && -x $bin ]] && printf '%s' "$bin"
  else
    command -v -- "$bin" 2>/dev/null || true
  fi
}

# require_tool VAR NAME MIN FIX VERSION-ARGS...
# Resolves $VAR (default NAME), asks it for its version, and records a problem if it is missing or
# older than MIN. On success sets VAR to the command to run and VAR_VERSION to its version.
require_tool() {
  local var=$1 name=$2 min=$3 fix=$4
  shift 4
  local bin=${!var:-$name}
  printf -v "$var" '%s' "$bin"
  printf -v "${var}_VERSION" '%s' ""
  if [[ -z $(tool_path "$bin") ]]; then
    if [[ $bin == */* ]]; then
      PROBLEMS+=("$name not found: $var=$bin is not an executable file. Fix: $fix.")
    else
      PROBLEMS+=("$name not found on PATH. Fix: $fix.")
    fi
    return 0
  fi
  local out version
  out=$("$bin" "$@" 2>&1) || true
  version=$(first_version "$out")
  if [[ -z $version ]]; then
    PROBLEMS+=("could not read the version of $name from '$(quote_cmd "$bin" "$@")' (it printed: ${out:0:120}). Fix: $fix.")
    return 0
  fi
  if ! version_ge "$version" "$min"; then
    PROBLEMS+=("$name $version is too old (need >= $min). Fix: $fix.")
    return 0
  fi
  printf -v "${var}_VERSION" '%s' "$version"
}

# ---- Files the scripts read. ----

# require_path PATH WHAT FIX: a missing path is a problem for a real run and a note under --dry-run.
require_path() {
  local path=$1 what=$2 fix=$3
  [[ -e $path ]] && return 0
  if $DRY_RUN; then
    note "$path ($what) does not exist yet; a real run would stop here."
    MISSING_PATHS+=("$path")
  else
    PROBLEMS+=("$path ($what) does not exist. Fix: $fix.")
  fi
}

# ---- Reading generated YAML. ----
# The generator writes one-line scalars: plain, "double-quoted" or 'single-quoted', with comments on
# lines of their own. These readers take exactly that and refuse anything else, so a layout they do
# not understand is an error with a fix, never a silently wrong value.

# yaml_scalar TEXT: the value of the one-line YAML scalar TEXT (what follows "key:"). Prints nothing
# and returns 1 for an empty value, a block scalar, a flow collection, an anchor, alias or tag, and
# for escape sequences in double quotes.
yaml_scalar() {
  local text=$1 dq='^"([^"\\]*)"[[:space:]]*(#.*)?$' sq="^'(([^']|'')*)'[[:space:]]*(#.*)?\$"
  text=${text#"${text%%[![:space:]]*}"}
  if [[ $text =~ $dq ]]; then
    printf '%s' "${BASH_REMATCH[1]}"
  elif [[ $text =~ $sq ]]; then
    local value=${BASH_REMATCH[1]}
    printf '%s' "${value//\'\'/\'}"
  else
    text=${text%%[[:space:]]#*}
    text=${text%"${text##*[![:space:]]}"}
    [[ -n $text && $text != [\"\'\|\>\&\*\!\{\[\#%@\`]* ]] || return 1
    printf '%s' "$text"
  fi
}

# helm_chart_field FILE CHART KEY: the raw text of KEY in the helmCharts entry whose name is CHART
# (a kustomization or component written by the generator); nothing if there is no such entry or key.
helm_chart_field() {
  [[ -f $1 ]] || return 0
  awk -v chart="$2" -v key="$3" '
    function indent(s) { match(s, /^ */); return RLENGTH }
    function flush() {
      if (fields["name"] == chart && (key in fields)) { print fields[key]; done = 1 }
      split("", fields)
    }
    /^[ \t]*(#|$)/ { next }
    done { next }
    /^[^ -]/ { flush(); section = ($0 ~ /^helmCharts:[ \t]*$/); list = -1; next }
    !section { next }
    /^ *- / && (list < 0 || indent($0) == list) { flush(); list = indent($0); sub(/- /, "  ") }
    list >= 0 && indent($0) == list + 2 && match($0, /^ *[A-Za-z][A-Za-z0-9]*:([ \t]|$)/) {
      line = $0
      sub(/^ */, "", line)
      value = substr(line, index(line, ":") + 1)
      sub(/^[ \t]+/, "", value)
      fields[substr(line, 1, index(line, ":") - 1)] = value
    }
    END { flush() }
  ' "$1"
}

# ---- Reading envapp's JSON (GET / prints the environment as one flat object). ----
# JQ_VERSION is set when a script found jq (require_tool JQ ...); without it, a grep fallback reads
# flat objects only, and the callers fail closed on a key it could not read.
JQ_VERSION=""

# json_pairs FILE: prints "key<TAB>value" for every scalar in the JSON (jq), or for every
# "key": scalar pair of a flat object (fallback without jq).
json_pairs() {
  if [[ -n $JQ_VERSION ]]; then
    # shellcheck disable=SC2016 # a jq program, not shell
    "$JQ" -r '[paths(scalars) as $p | [($p[-1] | tostring), (getpath($p) | tostring)]] | .[] | @tsv' "$1"
  else
    { grep -oE '"[^"\\]+"[[:space:]]*:[[:space:]]*("[^"\\]*"|true|false|null|-?[0-9][0-9.eE+-]*)' "$1" || true; } |
      sed -E 's/^"([^"]+)"[[:space:]]*:[[:space:]]*"?([^"]*)"?$/\1\t\2/'
  fi
}

# json_keys FILE: every quoted string followed by a colon; the fallback checks these were all read.
json_keys() {
  { grep -oE '"[^"\\]+"[[:space:]]*:' "$1" || true; } | sed -E 's/^"([^"]+)".*$/\1/'
}

# ---- What only a real run asks (a dry run must work without a Docker engine or a cluster). ----

check_docker_engine() {
  if ! "$DOCKER" info >/dev/null 2>&1; then
    PROBLEMS+=("no Docker engine answers ('$DOCKER info' failed; the docker client alone is not enough). Fix: start Docker (for example: sudo systemctl start docker) and retry.")
  fi
}

check_kube_context() {
  local contexts
  contexts=$("$KUBECTL" config get-contexts -o name 2>/dev/null) || contexts=""
  if ! grep -qx -- "$KUBE_CONTEXT" <<<"$contexts"; then
    PROBLEMS+=("kube context $KUBE_CONTEXT not found. Fix: run kind/up.sh (it creates cluster $CLUSTER_NAME and that context).")
  fi
}

# Prints every problem gathered so far, one line each, then exits 3; returns if there are none.
preflight_or_exit() {
  ((${#PROBLEMS[@]} == 0)) && return 0
  local problem
  for problem in "${PROBLEMS[@]}"; do
    say "$problem"
  done
  say "stopped before running anything ($(plural ${#PROBLEMS[@]} problem))."
  exit 3
}

# Every script runs from the repo root, so the printed commands use repo-relative paths.
enter_repo_root() {
  local here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
  absolutize_tool_vars
  cd "$here" || exit 1
}
