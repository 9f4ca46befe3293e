package io.chartascode.testing.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Run in a child JVM by {@link CacheLockTest}: holds a {@link CacheLock} until its stdin is closed. */
final class LockHolder {

  static final String HOLDING = "holding";

  private LockHolder() {}

  public static void main(String[] args) throws IOException {
    try (CacheLock lock = CacheLock.acquire(Path.of(args[0]))) {
      System.out.println(HOLDING);
      System.out.flush();
      System.in.transferTo(OutputStream.nullOutputStream());
    }
  }
}
