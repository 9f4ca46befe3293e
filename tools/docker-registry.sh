#!/usr/bin/env bash
# Installs the pinned OCI registry the push tests run against: the CNCF distribution registry 2.8.2,
# as Debian packages it (bookworm, docker-registry 2.8.2+ds1-1). It is one static Go binary that
# runs without Docker and without root: `docker-registry serve config.yml`.
#
# Fetched with `apt-get download` (no root needed when the apt lists are present) and unpacked with
# `dpkg-deb -x`, like tools/shellcheck.sh. Pinned twice: the .deb by sha256 and the extracted binary
# by sha256. The binary lands in a cache, so a second build does no network I/O.
#
# Usage: tools/docker-registry.sh [CACHE_DIR]   (default: $CHART_AS_CODE_TOOLS or ~/.cache/chart-as-code/tools)
# Prints the installed binary's path on stdout as its last line.
set -euo pipefail

readonly VERSION=2.8.2
readonly DEB_VERSION=2.8.2+ds1-1
readonly DEB_ARCH=amd64
readonly DEB_SHA256=a9bd06c0e006854608f8469b4371743f40604ad90975532bb3b7ceeb72fe2913
readonly BIN_SHA256=6ef17abe17337366675271b24591684c5dbe7514adfe9e95f57290c5c4eb9149

cache="${1:-${CHART_AS_CODE_TOOLS:-$HOME/.cache/chart-as-code/tools}}"
target="$cache/docker-registry-$VERSION/docker-registry"

say() { echo "docker-registry.sh: $*" >&2; }
die() {
  say "$*"
  exit 1
}
verified() { [[ -x $1 ]] && echo "$2  $1" | sha256sum --check --status; }

command -v sha256sum >/dev/null || die "sha256sum (coreutils) is required"

if verified "$target" "$BIN_SHA256"; then
  say "docker-registry $VERSION ok (cached at $target)"
  echo "$target"
  exit 0
fi

arch=$(uname -m)
[[ $arch == x86_64 ]] ||
  die "only linux/amd64 is pinned (this is $arch). Fix: build distribution $VERSION (github.com/distribution/distribution) and copy the registry binary to $target."
if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
  die "apt-get and dpkg-deb are required (Debian/Ubuntu). Fix: copy a distribution $VERSION registry binary to $target."
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
apt_opts=(-q)
# As root, apt drops to the _apt user for downloads, which cannot write into a private mktemp dir;
# the download is verified by sha256 below either way.
[[ $(id -u) == 0 ]] && apt_opts+=(-o APT::Sandbox::User=root)

fetch() { (cd "$work" && apt-get "${apt_opts[@]}" download "docker-registry:$DEB_ARCH=$DEB_VERSION") >&2; }
say "apt-get download docker-registry=$DEB_VERSION"
if ! fetch; then
  if [[ $(id -u) == 0 ]]; then
    say "refreshing the apt lists (apt-get update) and retrying"
    apt-get -qq update >&2 || die "apt-get update failed"
    fetch || die "apt-get download docker-registry=$DEB_VERSION failed even after apt-get update"
  else
    die "apt-get download docker-registry=$DEB_VERSION failed. Fix: run 'sudo apt-get update' once, then retry."
  fi
fi

deb="$work/docker-registry_${DEB_VERSION/+/%2b}_${DEB_ARCH}.deb"
[[ -f $deb ]] || deb="$work/docker-registry_${DEB_VERSION}_${DEB_ARCH}.deb"
[[ -f $deb ]] || die "apt-get did not produce docker-registry_${DEB_VERSION}_${DEB_ARCH}.deb in $work"
echo "$DEB_SHA256  $deb" | sha256sum --check --status ||
  die "sha256 mismatch for $(basename "$deb") (expected $DEB_SHA256, got $(sha256sum "$deb" | cut -d' ' -f1))"
dpkg-deb -x "$deb" "$work/root"
bin="$work/root/usr/bin/docker-registry"
echo "$BIN_SHA256  $bin" | sha256sum --check --status || die "sha256 mismatch for the extracted docker-registry binary"
"$bin" --version >/dev/null 2>&1 || die "the extracted docker-registry does not run"

mkdir -p "$(dirname "$target")"
cp "$bin" "$target.tmp"
chmod 755 "$target.tmp"
mv -f "$target.tmp" "$target"
say "docker-registry $VERSION installed at $target"
echo "$target"
