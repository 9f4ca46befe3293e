#!/usr/bin/env bash
# Installs the pinned OCI registry the push tests run against: the CNCF distribution registry 2.8.2,
# as Debian packages it (bookworm, docker-registry 2.8.2+ds1-1). It is one static Go binary that
# runs without Docker and without root: `docker-registry serve config.yml`.
#
# See lib/debian-binary.sh for how it is fetched, pinned and cached, as tools/shellcheck.sh is.
#
# Usage: tools/docker-registry.sh [CACHE_DIR]   (default: $CHART_AS_CODE_TOOLS or ~/.cache/chart-as-code/tools)
# Prints the installed binary's path on stdout as its last line.
set -euo pipefail

readonly NAME=docker-registry PACKAGE=docker-registry VERSION=2.8.2 DEB_VERSION=2.8.2+ds1-1 DEB_ARCH=amd64
readonly DEB_SHA256=a9bd06c0e006854608f8469b4371743f40604ad90975532bb3b7ceeb72fe2913
readonly BIN_SHA256=6ef17abe17337366675271b24591684c5dbe7514adfe9e95f57290c5c4eb9149
readonly FIX="build distribution 2.8.2 (github.com/distribution/distribution) and copy the registry binary there"
readonly RUN_HINT="It is a static binary; check that the download is complete"

# shellcheck source-path=SCRIPTDIR source=lib/debian-binary.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-binary.sh"
install_debian_binary "$@"
