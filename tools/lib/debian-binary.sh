# shellcheck shell=bash
# One pinned binary from a Debian package, for tools/*.sh: fetched with `apt-get download` (no root
# needed when the apt lists are present), unpacked with `dpkg-deb -x`, pinned twice (the .deb and
# the extracted binary by sha256), and cached, so a second build does no network I/O.
#
# The sourcing script sets, read-only:
#   NAME          the binary's name and the script's name in messages (shellcheck)
#   PACKAGE       the Debian package (shellcheck, docker-registry)
#   VERSION       the upstream version, part of the cache path
#   DEB_VERSION DEB_ARCH DEB_SHA256 BIN_SHA256
#   FIX           what to do where no pinned download exists (another platform, no apt)
#   RUN_HINT      what the binary needs to run, for the error when it does not
# then calls: install_debian_binary "$@"  (its one optional argument is the cache directory).
# Prints the installed binary's path on stdout as its last line.

say() { echo "$NAME.sh: $*" >&2; }
die() {
  say "$*"
  exit 1
}
verified() { [[ -x $1 ]] && echo "$2  $1" | sha256sum --check --status; }

install_debian_binary() {
  local cache="${1:-${CHART_AS_CODE_TOOLS:-$HOME/.cache/chart-as-code/tools}}"
  local target="$cache/$NAME-$VERSION/$NAME"
  command -v sha256sum >/dev/null || die "sha256sum (coreutils) is required"
  if verified "$target" "$BIN_SHA256"; then
    say "$NAME $VERSION ok (cached at $target)"
    echo "$target"
    return 0
  fi
  local arch
  arch=$(uname -m)
  [[ $arch == x86_64 ]] || die "only linux/amd64 is pinned (this is $arch). Fix: $FIX, at $target."
  if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
    die "apt-get and dpkg-deb are required (Debian/Ubuntu). Fix: $FIX, at $target."
  fi

  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  apt_opts=(-q)
  # As root, apt drops to the _apt user for downloads, which cannot write into a private mktemp dir;
  # the download is verified by sha256 below either way.
  [[ $(id -u) == 0 ]] && apt_opts+=(-o APT::Sandbox::User=root)
  say "apt-get download $PACKAGE=$DEB_VERSION"
  if ! fetch_deb; then
    if [[ $(id -u) == 0 ]]; then
      say "refreshing the apt lists (apt-get update) and retrying"
      apt-get -qq update >&2 || die "apt-get update failed"
      fetch_deb || die "apt-get download $PACKAGE=$DEB_VERSION failed even after apt-get update"
    else
      die "apt-get download $PACKAGE=$DEB_VERSION failed. Fix: run 'sudo apt-get update' once, then retry."
    fi
  fi

  # apt-get writes a '+' in the version as %2b in the file name.
  local deb="$work/${PACKAGE}_${DEB_VERSION/+/%2b}_${DEB_ARCH}.deb"
  [[ -f $deb ]] || deb="$work/${PACKAGE}_${DEB_VERSION}_${DEB_ARCH}.deb"
  [[ -f $deb ]] || die "apt-get did not produce ${PACKAGE}_${DEB_VERSION}_${DEB_ARCH}.deb in $work"
  echo "$DEB_SHA256  $deb" | sha256sum --check --status ||
    die "sha256 mismatch for $(basename "$deb") (expected $DEB_SHA256, got $(sha256sum "$deb" | cut -d' ' -f1))"
  dpkg-deb -x "$deb" "$work/root"
  local bin="$work/root/usr/bin/$NAME"
  echo "$BIN_SHA256  $bin" | sha256sum --check --status || die "sha256 mismatch for the extracted $NAME binary"
  "$bin" --version >/dev/null 2>&1 || die "the extracted $NAME does not run. $RUN_HINT"

  mkdir -p "$(dirname "$target")"
  cp "$bin" "$target.tmp"
  chmod 755 "$target.tmp"
  mv -f "$target.tmp" "$target"
  say "$NAME $VERSION installed at $target"
  echo "$target"
}

fetch_deb() { (cd "$work" && apt-get "${apt_opts[@]}" download "$PACKAGE:$DEB_ARCH=$DEB_VERSION") >&2; }
