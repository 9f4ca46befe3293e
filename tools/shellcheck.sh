#!/usr/bin/env bash
# Installs the pinned shellcheck that `./mvnw verify` lints every *.sh with.
#
# It comes from Debian's package (bookworm, 0.9.0-1), because Debian's archive is reachable where
# GitHub releases are not, and the npm package "shellcheck" downloads from GitHub at install time.
# See lib/debian-binary.sh for how it is fetched, pinned and cached. It links libffi8 and libgmp10
# (both on a stock Debian 12 / JDK image).
#
# Usage: tools/shellcheck.sh [CACHE_DIR]   (default: $CHART_AS_CODE_TOOLS or ~/.cache/chart-as-code/tools)
# Prints the installed binary's path on stdout as its last line.
set -euo pipefail

readonly NAME=shellcheck PACKAGE=shellcheck VERSION=0.9.0 DEB_VERSION=0.9.0-1 DEB_ARCH=amd64
readonly DEB_SHA256=8c40f8a4ecccf3d746b933853972f1cd1be6df84fc5977d0137269d4debefa4f
readonly BIN_SHA256=59d20b9f02f59d8bf09fff75c01d9c23c31dac93242b1829588ea6b24d2e43ce
readonly FIX="install shellcheck 0.9.0 yourself and copy it there"
readonly RUN_HINT="It needs libffi8 and libgmp10. Fix: apt-get install libffi8 libgmp10"

# shellcheck source-path=SCRIPTDIR source=lib/debian-binary.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-binary.sh"
install_debian_binary "$@"
