#!/usr/bin/env bash
# Installs the pinned yamllint that the build lints generated/ with (chart-testing's lint config):
# Debian bookworm's yamllint 1.29.0-1 and the two libraries it needs, python3-yaml 6.0-3+b2 and
# python3-pathspec 0.11.0-1, fetched with `apt-get download` (no root) and unpacked with
# `dpkg-deb -x`, like tools/shellcheck.sh. Each .deb is pinned by sha256. It runs on the machine's
# python3 (Debian 12 has 3.11; PyYAML falls back to pure Python where its C extension does not load).
#
# Usage: tools/yamllint.sh [CACHE_DIR]   (default: $CHART_AS_CODE_TOOLS or ~/.cache/chart-as-code/tools)
# Prints the path of a `yamllint` launcher on stdout as its last line. Without python3 it installs
# nothing, says so, and exits 0: the test that uses it then reports itself skipped, naming the fix.
set -euo pipefail

readonly VERSION=1.29.0
readonly DEBS=(
  "yamllint:all=1.29.0-1 yamllint_1.29.0-1_all.deb 8ed6ca15e4e6302b9a951cc1d2bb2d4d7e97561abc4a64a8919eaedbf2ac539d"
  "python3-yaml:amd64=6.0-3+b2 python3-yaml_6.0-3+b2_amd64.deb 8d0db0b3099298fe039b94e4c52a6987798a90d23b80de3ac13c3cb75cf622a2"
  "python3-pathspec:all=0.11.0-1 python3-pathspec_0.11.0-1_all.deb 34c2835f36cabfbbf2b7f52131327bf4891818f6719a1eb80f5c2a80d64f16c6"
)

cache="${1:-${CHART_AS_CODE_TOOLS:-$HOME/.cache/chart-as-code/tools}}"
dir="$cache/yamllint-$VERSION"
launcher="$dir/yamllint"

say() { echo "yamllint.sh: $*" >&2; }
die() {
  say "$*"
  exit 1
}

if ! command -v python3 >/dev/null; then
  say "python3 is not installed, so yamllint cannot run; the yamllint test will be skipped. Fix: apt-get install python3"
  echo "$launcher"
  exit 0
fi
if [[ -x $launcher ]] && "$launcher" --version >/dev/null 2>&1; then
  say "yamllint $VERSION ok (cached at $launcher)"
  echo "$launcher"
  exit 0
fi
command -v sha256sum >/dev/null || die "sha256sum (coreutils) is required"
if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
  die "apt-get and dpkg-deb are required (Debian/Ubuntu). Fix: pip install yamllint==$VERSION and put a launcher at $launcher."
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
apt_opts=(-q)
[[ $(id -u) == 0 ]] && apt_opts+=(-o APT::Sandbox::User=root)
specs=()
for deb in "${DEBS[@]}"; do
  read -r spec _ _ <<<"$deb"
  specs+=("$spec")
done
say "apt-get download ${specs[*]}"
if ! (cd "$work" && apt-get "${apt_opts[@]}" download "${specs[@]}") >&2; then
  if [[ $(id -u) == 0 ]]; then
    apt-get -qq update >&2 || die "apt-get update failed"
    (cd "$work" && apt-get "${apt_opts[@]}" download "${specs[@]}") >&2 || die "apt-get download failed even after apt-get update"
  else
    die "apt-get download failed. Fix: run 'sudo apt-get update' once, then retry."
  fi
fi
for deb in "${DEBS[@]}"; do
  read -r _ file sha <<<"$deb"
  [[ -f $work/$file ]] || die "apt-get did not produce $file"
  echo "$sha  $work/$file" | sha256sum --check --status ||
    die "sha256 mismatch for $file (expected $sha, got $(sha256sum "$work/$file" | cut -d' ' -f1))"
  dpkg-deb -x "$work/$file" "$work/root"
done

rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
mv "$work/root/usr/lib/python3/dist-packages" "$dir.tmp/site"
cat >"$dir.tmp/yamllint" <<'LAUNCHER'
#!/bin/sh
# yamllint from Debian's packages, unpacked beside this file by tools/yamllint.sh.
here=$(dirname "$0")
PYTHONPATH="$here/site" exec python3 -c 'import sys; from yamllint.cli import run; sys.argv[0] = "yamllint"; run()' "$@"
LAUNCHER
chmod 755 "$dir.tmp/yamllint"
"$dir.tmp/yamllint" --version >/dev/null || die "the unpacked yamllint does not run with $(python3 --version 2>&1)"
rm -rf "$dir" && mv "$dir.tmp" "$dir"
say "yamllint $VERSION installed at $launcher"
echo "$launcher"
