#!/usr/bin/env bash
# Installs the pinned shellcheck that `./mvnw verify` lints kind/*.sh with.
#
# It comes from Debian's package (bookworm, 0.9.0-1), fetched with `apt-get download` (no root needed
# when the apt lists are present) and unpacked with `dpkg-deb -x`, because Debian's archive is
# reachable where GitHub releases are not, and the npm package "shellcheck" downloads from GitHub
# at install time. Pinned twice: the .deb by sha256 and the extracted binary by sha256. The binary
# lands in a cache, so a second build does no network I/O. It links libffi8 and libgmp10 (both on a
# stock Debian 12 / JDK image).
#
# Usage: tools/shellcheck.sh [CACHE_DIR]   (default: $CHART_AS_CODE_TOOLS or ~/.cache/chart-as-code/tools)
# Prints the installed binary's path on stdout as its last line.
set -euo pipefail

readonly VERSION=0.9.0
readonly DEB_VERSION=0.9.0-1
readonly DEB_ARCH=amd64
readonly DEB_SHA256=8c40f8a4ecccf3d746b933853972f1cd1be6df84fc5977d0137269d4debefa4f
readonly BIN_SHA256=59d20b9f02f59d8bf09fff75c01d9c23c31dac93242b1829588ea6b24d2e43ce

cache="${1:-${CHART_AS_CODE_TOOLS:-$HOME/.cache/chart-as-code/tools}}"
target="$cache/shellcheck-$VERSION/shellcheck"

say() { echo "shellcheck.sh: $*" >&2; }
die() {
  say "$*"
  exit 1
}
verified() { [[ -x $1 ]] && echo "$2  $1" | sha256sum --check --status; }

command -v sha256sum >/dev/null || die "sha256sum (coreutils) is required"

if verified "$target" "$BIN_SHA256"; then
  say "shellcheck $VERSION ok (cached at $target)"
  echo "$target"
  exit 0
fi

arch=$(uname -m)
[[ $arch == x86_64 ]] ||
  die "only linux/amd64 is pinned (this is $arch). Fix: install shellcheck $VERSION yourself and copy it to $target."
if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
  die "apt-get and dpkg-deb are required (Debian/Ubuntu). Fix: install shellcheck $VERSION yourself and copy it to $target."
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
apt_opts=(-q)
# As root, apt drops to the _apt user for downloads, which cannot write into a private mktemp dir;
# the download is verified by sha256 below either way.
[[ $(id -u) == 0 ]] && apt_opts+=(-o APT::Sandbox::User=root)

fetch() { (cd "$work" && apt-get "${apt_opts[@]}" download "shellcheck:$DEB_ARCH=$DEB_VERSION") >&2; }
say "apt-get download shellcheck=$DEB_VERSION"
if ! fetch; then
  if [[ $(id -u) == 0 ]]; then
    say "refreshing the apt lists (apt-get update) and retrying"
    apt-get -qq update >&2 || die "apt-get update failed"
    fetch || die "apt-get download shellcheck=$DEB_VERSION failed even after apt-get update"
  else
    die "apt-get download shellcheck=$DEB_VERSION failed. Fix: run 'sudo apt-get update' once, then retry."
  fi
fi

deb="$work/shellcheck_${DEB_VERSION}_${DEB_ARCH}.deb"
[[ -f $deb ]] || die "apt-get did not produce $deb"
echo "$DEB_SHA256  $deb" | sha256sum --check --status ||
  die "sha256 mismatch for $(basename "$deb") (expected $DEB_SHA256, got $(sha256sum "$deb" | cut -d' ' -f1))"
dpkg-deb -x "$deb" "$work/root"
bin="$work/root/usr/bin/shellcheck"
echo "$BIN_SHA256  $bin" | sha256sum --check --status || die "sha256 mismatch for the extracted shellcheck binary"
"$bin" --version >/dev/null 2>&1 ||
  die "the extracted shellcheck does not run; it needs libffi8 and libgmp10. Fix: apt-get install libffi8 libgmp10"

mkdir -p "$(dirname "$target")"
cp "$bin" "$target.tmp"
chmod 755 "$target.tmp"
mv -f "$target.tmp" "$target"
say "shellcheck $VERSION installed at $target"
echo "$target"
