#!/usr/bin/env bash
# Makes bubblewrap available for EnvAppSandboxIT and writes the bwrap path to TARGET/bwrap.path.
# Run by Maven (exec-maven-plugin, pre-integration-test), so a fresh clone needs no manual step:
#   1. bwrap already on PATH: use it;
#   2. root with apt-get: install Debian's bubblewrap (apt-get update first if the lists are stale);
#   3. otherwise: apt-get download + dpkg-deb -x into TARGET/bubblewrap, no root needed.
# Usage: ensure-bubblewrap.sh TARGET
set -euo pipefail

target="${1:?usage: ensure-bubblewrap.sh TARGET}"
mkdir -p "$target"

use() {
  echo "$1" >"$target/bwrap.path"
  echo "ensure-bubblewrap: using $1 ($("$1" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
}

if command -v bwrap >/dev/null 2>&1; then
  use "$(command -v bwrap)"
fi

apt_opts=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=300)
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-bubblewrap: installing the Debian package bubblewrap"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install "${apt_opts[@]}" bubblewrap >/dev/null 2>&1; then
    apt-get update -q -o DPkg::Lock::Timeout=300 >/dev/null 2>&1 || true
    apt-get install "${apt_opts[@]}" bubblewrap >/dev/null 2>&1 || true
  fi
  if command -v bwrap >/dev/null 2>&1; then
    use "$(command -v bwrap)"
  fi
fi

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1; then
  dir="$target/bubblewrap"
  rm -rf "$dir" && mkdir -p "$dir"
  if (cd "$dir" && apt-get download -q bubblewrap >/dev/null 2>&1); then
    dpkg-deb -x "$dir"/bubblewrap_*.deb "$dir/root"
    if [[ -x "$dir/root/usr/bin/bwrap" ]]; then
      use "$dir/root/usr/bin/bwrap"
    fi
  fi
fi

echo "ensure-bubblewrap: cannot find or install bubblewrap, which EnvAppSandboxIT needs." >&2
echo "ensure-bubblewrap: install it (Debian/Ubuntu: sudo apt-get install bubblewrap) and rerun." >&2
exit 1
