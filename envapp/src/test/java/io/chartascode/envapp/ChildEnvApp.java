package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: the packaged jar as a child process, started the way the image starts it ({@code
 * java @jvm.options -jar envapp.jar}), optionally behind a wrapper such as bubblewrap.
 */
final class ChildEnvApp implements AutoCloseable {

  private static final Pattern PORT = Pattern.compile("\"port\":(\\d+)");

  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final StringBuffer stderr = new StringBuffer();
  private final List<Thread> readers;
  private int port = -1;

  private ChildEnvApp(Process process) {
    this.process = process;
    this.readers =
        List.of(
            drain(process.getInputStream(), stdout::add, "stdout"),
            drain(process.getErrorStream(), line -> stderr.append(line).append('\n'), "stderr"));
  }

  /**
   * The java command line the image uses, for this JVM: JVM options such as test-only {@code -D}s
   * go before {@code -jar}, and "--smoke-test" after it.
   */
  static List<String> javaCommand(String... extra) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + requiredFile("envapp.jvmOptions"));
    List<String> appArgs = new ArrayList<>();
    for (String arg : extra) {
      (arg.startsWith("--") ? appArgs : command).add(arg);
    }
    command.add("-jar");
    command.add(requiredFile("envapp.jar").toString());
    command.addAll(appArgs);
    return command;
  }

  /** Starts {@code command} with exactly {@code env} as its environment. */
  static ChildEnvApp start(List<String> command, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      return new ChildEnvApp(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** Waits for the start line and returns the port it names. */
  ChildEnvApp awaitStarted() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : stdout) {
        if (line.contains("\"event\":\"started\"")) {
          Matcher m = PORT.matcher(line);
          if (m.find()) {
            port = Integer.parseInt(m.group(1));
            return this;
          }
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "envapp exited with "
                + process.exitValue()
                + " before starting;"
                + "\nstdout: "
                + stdout
                + "\nstderr: "
                + stderr);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no start line within 60 s; stdout: " + stdout + " stderr: " + stderr);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  int port() {
    return port;
  }

  Process process() {
    return process;
  }

  List<String> stdout() {
    return List.copyOf(stdout);
  }

  String stderr() {
    return stderr.toString();
  }

  /** SIGTERM, keeping our ends of its pipes open (Process.destroy would close them). */
  void sigterm() {
    process.toHandle().destroy();
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + "; stdout: " + stdout);
    }
    for (Thread reader : readers) {
      reader.join(10_000); // the pipes hold the last lines until read
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static Path requiredFile(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.isRegularFile(Path.of(value))) {
      throw new IllegalStateException(
          "system property "
              + property
              + " ("
              + value
              + ") must name an existing file; run"
              + " the integration tests through Maven: ./mvnw -pl envapp verify");
    }
    return Path.of(value);
  }

  private static Thread drain(InputStream in, Consumer<String> sink, String name) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  sink.accept(line);
                }
              } catch (IOException e) {
                // The process is gone.
              }
            },
            "child-" + name);
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
