package io.chartascode.generator.internal.render.gitops;

import io.chartascode.generator.GeneratedHeader;

/**
 * The post-renderer itself: Helm pipes the rendered manifests in, Kustomize applies the overlay
 * next to this script, the result goes out. It copies the overlay to a temp directory, so it
 * never writes into the (possibly read-only, possibly shared) plugin or repository directory.
 */
final class PostRendererScript {
  static final String RENDERED_FILE = "helm-rendered.yaml";

  private static final String SCRIPT =
      """
      #!/usr/bin/env bash
      %s
      # Helm post-renderer: manifests on stdin, the same manifests with this directory's
      # kustomization applied on stdout. Helm 3: --post-renderer <this file>.
      # Helm 4: helm plugin install <this directory>; --post-renderer <plugin name>.
      # Runs $KUSTOMIZE (a kustomize binary) or $KUBECTL (`kubectl kustomize`) when one is set;
      # otherwise `kustomize` if it is on PATH, else `kubectl kustomize`.
      set -euo pipefail
      here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
      work="$(mktemp -d)"
      trap 'rm -rf "$work"' EXIT
      cp "$here/kustomization.yaml" "$work/"
      cat > "$work/%s"
      if [[ -n "${KUSTOMIZE:-}" ]]; then
        "$KUSTOMIZE" build "$work"
      elif [[ -z "${KUBECTL:-}" ]] && command -v kustomize >/dev/null 2>&1; then
        kustomize build "$work"
      else
        "${KUBECTL:-kubectl}" kustomize "$work"
      fi
      """;

  static String text(GeneratedHeader header) {
    return SCRIPT.formatted(header.yaml(), RENDERED_FILE);
  }

  private PostRendererScript() {}
}
