package io.chartascode.importer.plan;

import java.util.Optional;

/**
 * An image reference split the way the model keeps it: {@code hub/name:tag}. The name is the last
 * path segment and the hub everything before it; Docker Hub's short form {@code nginx:1.25} becomes
 * {@code docker.io/library/nginx:1.25}, the same image. A missing tag is {@code latest}, as for
 * Kubernetes.
 */
public record ImageReference(String hub, String name, String tag, Optional<String> digest) {

  public static ImageReference parse(String reference) {
    String rest = reference;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    String tag = "latest";
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    int slash = rest.lastIndexOf('/');
    if (slash < 0) {
      return new ImageReference("docker.io/library", rest, tag, digest);
    }
    return new ImageReference(rest.substring(0, slash), rest.substring(slash + 1), tag, digest);
  }

  /** {@code hub/name:tag}, as the model renders it. */
  public String reference() {
    return hub + "/" + name + ":" + tag;
  }
}
