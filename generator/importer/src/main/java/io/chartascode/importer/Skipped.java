package io.chartascode.importer;

/**
 * An input object the model does not describe, so the imported source leaves it out.
 *
 * @param object {@code ConfigMap/web-config}
 * @param where {@code chart.yaml:40}
 * @param reason what the model lacks, and what to do with the object instead
 */
public record Skipped(String object, String where, String reason) {
  @Override
  public String toString() {
    return object + " (" + where + "): " + reason;
  }
}
