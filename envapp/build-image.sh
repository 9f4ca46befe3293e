#!/usr/bin/env bash
# Builds the envapp image with the coordinates the chart defaults to (image.* in envapp/pom.xml).
#   envapp/build-image.sh                 docker build, tagged kkrast/envapp:v1
#   envapp/build-image.sh --print         print the image name only (for other scripts)
#   envapp/build-image.sh --kind NAME     build, then `kind load docker-image` into cluster NAME
# Needs a Docker engine with BuildKit. Without one, see envapp/README.md (Jib).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pom="$root/envapp/pom.xml"
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$pom" | head -n 1; }
image="$(prop image.hub)/$(prop image.name):$(prop image.tag)"

case "${1:-}" in
  --print)
    echo "$image"
    exit 0
    ;;
  --kind)
    cluster="${2:?usage: build-image.sh --kind CLUSTER_NAME}"
    ;;
  "") ;;
  *)
    echo "usage: build-image.sh [--print | --kind CLUSTER_NAME]" >&2
    exit 2
    ;;
esac

command -v docker >/dev/null || { echo "build-image: docker is not installed" >&2; exit 1; }
DOCKER_BUILDKIT=1 docker build -f "$root/envapp/Dockerfile" -t "$image" "$root"
if [[ -n "${cluster:-}" ]]; then
  kind load docker-image "$image" --name "$cluster"
fi
echo "$image"
