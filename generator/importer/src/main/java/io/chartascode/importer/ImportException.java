package io.chartascode.importer;

/**
 * Input the importer cannot use. The message names the file and line and says what to do, e.g.
 * {@code chart.yaml:12: no kind: every Kubernetes object needs apiVersion and kind}.
 */
public final class ImportException extends RuntimeException {
  public ImportException(String message) {
    super(message);
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
