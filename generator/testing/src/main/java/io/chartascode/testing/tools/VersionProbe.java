package io.chartascode.testing.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Asks a binary that is not our pinned download for its version. The child gets a private, empty HOME and
 * TMPDIR, deleted afterwards, so the check neither reads nor writes the user's helm or kube configuration.
 */
final class VersionProbe {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Variables that would point the child at the user's configuration despite its private HOME. */
  static final List<String> UNSET = List.of("KUBECONFIG", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
      "HELM_CACHE_HOME", "HELM_CONFIG_HOME", "HELM_DATA_HOME", "HELM_PLUGINS");

  private static final int MAX_QUOTED = 2000;

  private VersionProbe() {}

  static ToolVersion probe(ToolKind command, UserBinary binary) {
    List<String> commandLine = new ArrayList<>();
    commandLine.add(binary.path().toString());
    commandLine.addAll(command.versionArguments());
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("chart-as-code-probe-");
      String stdout = run(command, commandLine, scratch, binary);
      return command.parseVersion(stdout).orElseThrow(() -> new ToolProvisioningException(
          binary + " is not a " + command + " binary: '" + String.join(" ", commandLine) + "' printed\n"
              + quote(stdout)));
    } catch (IOException e) {
      throw new ToolProvisioningException("Could not run " + binary + ": " + e
          + "\nCheck that it is an executable " + command + " binary.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolProvisioningException("Interrupted while asking " + binary + " for its version", e);
    } finally {
      deleteRecursively(scratch);
    }
  }

  private static String run(ToolKind command, List<String> commandLine, Path scratch, UserBinary binary)
      throws IOException, InterruptedException {
    Path home = Files.createDirectory(scratch.resolve("home"));
    Path tmp = Files.createDirectory(scratch.resolve("tmp"));
    Path stdout = scratch.resolve("stdout");
    Path stderr = scratch.resolve("stderr");
    // Output goes to files: no pipe can fill up and block the child, and no reader threads are needed.
    ProcessBuilder builder =
        new ProcessBuilder(commandLine).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Map<String, String> environment = builder.environment();
    UNSET.forEach(environment::remove);
    environment.put("HOME", home.toString());
    for (String name : List.of("TMPDIR", "TMP", "TEMP")) {
      environment.put(name, tmp.toString());
    }
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      throw new ToolProvisioningException("'" + String.join(" ", commandLine) + "' (" + binary.origin()
          + ") did not answer within " + TIMEOUT.toSeconds() + " s");
    }
    if (process.exitValue() != 0) {
      throw new ToolProvisioningException("'" + String.join(" ", commandLine) + "' (" + binary.origin()
          + ") exited with " + process.exitValue() + ":\n" + quote(read(stderr) + read(stdout))
          + "\nCheck that it is a working " + command + " binary.");
    }
    return read(stdout);
  }

  // Lenient decoding: whatever a wrong binary prints should end up in the message, not in a decoding error.
  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static String quote(String output) {
    String trimmed = output.strip();
    return "  " + (trimmed.length() > MAX_QUOTED ? trimmed.substring(0, MAX_QUOTED) + " ..." : trimmed);
  }

  private static void deleteRecursively(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> tree = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A scratch directory under java.io.tmpdir outlives us; that is no reason to fail the check.
    }
  }
}
