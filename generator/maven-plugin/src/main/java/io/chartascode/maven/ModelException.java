package io.chartascode.maven;

/**
 * A problem with the user's model or its configuration, reported once as a build failure with
 * this message and no stack trace: it is the user's to fix, not a bug of the plugin.
 */
final class ModelException extends RuntimeException {
  ModelException(String message) {
    super(message, null, false, false);
  }
}
