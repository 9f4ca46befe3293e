package io.chartascode.testing;

import io.chartascode.generator.write.FileTreeWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real binary and captures what it printed. Each run gets a private HOME, TMPDIR and
 * KUBECONFIG, deleted afterwards: helm and kubectl read config and caches from there, so tests
 * stay off the user's clusters and repositories and leave nothing behind.
 */
public final class Command {
  private static final long TIMEOUT_SECONDS = 120;

  private Command() {}

  /** The outcome of one run. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public Result assertSuccess() {
      if (exitCode != 0) {
        throw new AssertionError(
            String.join(" ", command) + " exited " + exitCode + "\nstderr:\n" + stderr + "\nstdout:\n" + stdout);
      }
      return this;
    }
  }

  public static Result run(List<String> command) {
    return run(command, Map.of());
  }

  public static Result run(List<String> command, Map<String, String> env) {
    Path sandbox = null;
    try {
      sandbox = Files.createTempDirectory("chart-as-code-run-");
      Path home = Files.createDirectory(sandbox.resolve("home"));
      Path tmp = Files.createDirectory(sandbox.resolve("tmp"));
      Path out = sandbox.resolve("stdout");
      Path err = sandbox.resolve("stderr");
      ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
      pb.environment().put("HOME", home.toString());
      pb.environment().put("TMPDIR", tmp.toString());
      pb.environment().put("KUBECONFIG", home.resolve("kubeconfig").toString());
      pb.environment().putAll(env);
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = pb.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " timed out after " + TIMEOUT_SECONDS + "s");
      }
      return new Result(
          List.copyOf(command),
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      deleteQuietly(sandbox);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir != null) {
      try {
        FileTreeWriter.deleteRecursively(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + dir, e);
      }
    }
  }
}
