package io.chartascode.generator.write;

/**
 * Another run (another process, or another thread of this one) is writing the same tree and did not
 * finish within the wait; the message names it (pid, host, start time). Nothing was written.
 */
public final class TreeLockedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public TreeLockedException(String message) {
    super(message);
  }
}
