package io.chartascode.importer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real helm 3 and kubectl (kustomize) that {@code tools/fetch-tools.sh} installs during the
 * build, as the generator's tests use them. A missing binary fails the test: these must run.
 */
public enum Tools {
  HELM("helm-v3.17.1/helm"),
  KUBECTL("kubectl-v1.31.0/kubectl");

  private final String relativePath;

  Tools(String relativePath) {
    this.relativePath = relativePath;
  }

  /** Runs the binary and returns what it printed; fails the test on a non-zero exit. */
  public String run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(path());
    command.addAll(List.of(args));
    try {
      Path home = Files.createTempDirectory("home");
      Path out = home.resolve("out");
      Path err = home.resolve("err");
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      // helm and kubectl read config from $HOME; keep them off the user's clusters and repositories.
      pb.environment().put("HOME", home.toString());
      pb.environment().put("KUBECONFIG", home.resolve("kubeconfig").toString());
      Process process = pb.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " timed out");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n"
            + Files.readString(err, StandardCharsets.UTF_8));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private String path() {
    String dir = System.getProperty("tools.dir");
    if (dir == null) {
      throw new IllegalStateException("system property tools.dir is not set; run the tests with ./mvnw verify");
    }
    Path binary = Path.of(dir, relativePath);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(binary + " is missing; run tools/fetch-tools.sh (./mvnw verify does it for you)");
    }
    return binary.toString();
  }
}
