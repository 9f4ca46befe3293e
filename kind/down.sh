#!/usr/bin/env bash
# Deletes the kind cluster "envapp".
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
SCRIPT_NAME=down.sh
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<EOF
Usage: kind/down.sh [--dry-run] [--help]

Deletes the kind cluster '$CLUSTER_NAME' (and its kube context $KUBE_CONTEXT). Deleting a cluster
that does not exist succeeds. The Helm 4 post-renderer plugins that deploy.sh installed stay in
$HELM4_DATA_HOME_DIR; remove that directory to forget them.

Options:
  --dry-run   print the exact command and change nothing (the tool checks still run).
  -h, --help  show this help.

Tools (checked before anything runs; override a binary with the variable):
  docker >= $MIN_DOCKER (DOCKER)   kind >= $MIN_KIND (KIND)

Exit codes: 0 ok, 1 the command failed, 2 usage error, 3 preflight failed (nothing was run).
EOF
}

main() {
  parse_flags_only "$@"
  require_bash
  enter_repo_root

  require_tool DOCKER docker "$MIN_DOCKER" "$FIX_DOCKER" --version
  require_tool KIND kind "$MIN_KIND" "$FIX_KIND" version
  if ! $DRY_RUN && ((${#PROBLEMS[@]} == 0)); then
    check_docker_engine
  fi
  preflight_or_exit

  run "$KIND" delete cluster --name "$CLUSTER_NAME"
}

main "$@"
