package io.chartascode.generator.model;

import java.util.Objects;

/** A named link for Artifact Hub's {@code artifacthub.io/links} annotation (documentation, support, ...). */
public record ChartLink(String name, String url) {
  public ChartLink {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
  }
}
