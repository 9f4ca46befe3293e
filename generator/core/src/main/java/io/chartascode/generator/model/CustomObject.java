package io.chartascode.generator.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An object the application deploys besides the ones the model builds itself, rendered into both
 * trees and covered by the helm ≡ kustomize proof like them.
 *
 * @param fileStem the file it is written to, {@code templates/<stem>.yaml} and {@code base/<stem>.yaml}
 * @param enabled when it exists; empty: always
 * @param template how to build it
 */
public record CustomObject(String fileStem, Optional<Value<Boolean>> enabled, ObjectTemplate template) {
  public CustomObject {
    Objects.requireNonNull(fileStem, "fileStem");
    Objects.requireNonNull(enabled, "enabled");
    Objects.requireNonNull(template, "template");
  }
}
