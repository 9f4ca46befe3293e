package io.chartascode.generator.write;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link WriterProcess} in a JVM of its own, with this test's class path; output kept in memory. */
final class ChildJvm {
  final Process process;
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder err = new StringBuilder();
  private final Thread outReader;
  private final Thread errReader;

  private ChildJvm(Process process) {
    this.process = process;
    this.outReader = pump(process.getInputStream(), out);
    this.errReader = pump(process.getErrorStream(), err);
  }

  /** Starts {@code WriterProcess args...}, with a private temporary directory under {@code tmp}. */
  static ChildJvm start(Path tmp, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp,
        "-cp", System.getProperty("java.class.path"), WriterProcess.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TMPDIR", tmp.toString());
    return new ChildJvm(builder.start());
  }

  private static Thread pump(java.io.InputStream in, StringBuilder sink) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          synchronized (sink) {
            sink.append(line).append('\n');
            sink.notifyAll();
          }
        }
      } catch (IOException e) {
        // the process was killed
      }
    });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Waits until stdout has a line starting with {@code prefix}. */
  void awaitLine(String prefix, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    synchronized (out) {
      while (!out.toString().startsWith(prefix) && !out.toString().contains("\n" + prefix)) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0 || !process.isAlive() && !outReader.isAlive()) {
          throw new AssertionError("no line '" + prefix + "' from the child; stdout:\n" + out + "stderr:\n" + err());
        }
        out.wait(Math.min(left, 50));
      }
    }
  }

  /** Waits for the end; returns the exit code. */
  int exit() throws InterruptedException {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the child did not finish within 120 s; stdout:\n" + out());
    }
    outReader.join(10_000);
    errReader.join(10_000);
    return process.exitValue();
  }

  /** kill -9 (Process.destroyForcibly sends SIGKILL on Linux and macOS), and wait for it. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    exit();
  }

  String out() {
    synchronized (out) {
      return out.toString();
    }
  }

  String err() {
    synchronized (err) {
      return err.toString();
    }
  }
}
