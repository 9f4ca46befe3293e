package io.chartascode.testing.tools;

/**
 * A helm or kubectl binary could not be provided. The message says what was tried, what went wrong and how to
 * fix it (usually a system property or environment variable to set).
 */
public final class ToolProvisioningException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ToolProvisioningException(String message) {
    super(message);
  }

  public ToolProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
