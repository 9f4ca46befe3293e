package io.chartascode.generator.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of Artifact Hub's {@code artifacthub.io/changes} annotation: what changed in this chart
 * version, and of which kind.
 */
public record ChartChange(Kind kind, String description) {
  /** Artifact Hub's change kinds. */
  public enum Kind {
    ADDED, CHANGED, DEPRECATED, REMOVED, FIXED, SECURITY;

    /** The spelling Artifact Hub expects: {@code added}, {@code changed}, ... */
    public String annotationValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ChartChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
  }

  public static ChartChange added(String description) {
    return new ChartChange(Kind.ADDED, description);
  }

  public static ChartChange changed(String description) {
    return new ChartChange(Kind.CHANGED, description);
  }

  public static ChartChange fixed(String description) {
    return new ChartChange(Kind.FIXED, description);
  }

  public static ChartChange security(String description) {
    return new ChartChange(Kind.SECURITY, description);
  }
}
