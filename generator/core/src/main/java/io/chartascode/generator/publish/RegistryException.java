package io.chartascode.generator.publish;

/**
 * A push that did not happen, with a message that says what the registry answered (never a
 * credential) and what to do about it.
 */
public final class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
