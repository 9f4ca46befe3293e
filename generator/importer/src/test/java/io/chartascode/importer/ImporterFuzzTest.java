package io.chartascode.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.chartascode.generator.write.FileTreeWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target (issue 17): arbitrary bytes as the YAML file to import. The outcome is a result, or
 * an {@link ImportException} whose message names the file (and its line, where the problem has
 * one); never another exception, never more than 2 s, never an OutOfMemoryError (the
 * fuzzing JVM has -Xmx1g). The 2 s are CPU time of the importing thread, so that a loaded build
 * machine does not fail the build, measured again when over (a cold JVM's first inputs are slower);
 * a run that does not end within 30 s of wall time is a hang too.
 * Seeds and every finding are in {@code ImporterFuzzTestInputs/}.
 */
class ImporterFuzzTest {
  private static final long CPU_LIMIT_NANOS = 2_000_000_000L;
  private static final long WALL_LIMIT_SECONDS = 30;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static Path dir;
  private static ExecutorService worker;

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("importer-fuzz");
    worker = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "importer-fuzz");
      thread.setDaemon(true);
      return thread;
    });
  }

  @AfterAll
  static void stop() throws IOException {
    worker.shutdownNow();
    FileTreeWriter.deleteRecursively(dir);
  }

  @FuzzTest
  void anyBytesGiveAResultOrAnImportExceptionNamingTheFile(byte[] input) throws Exception {
    Path file = dir.resolve("in.yaml");
    Files.write(file, input);
    long cpu = importAndCheck(file);
    if (cpu >= CPU_LIMIT_NANOS) {
      // Once more: the first inputs of a JVM also pay for loading, instrumenting and compiling the
      // importer (2.1 s CPU once on a loaded machine). An input that is slow itself is slow again.
      cpu = importAndCheck(file);
      assertThat(cpu).as("CPU time of the import, ns, the second time").isLessThan(CPU_LIMIT_NANOS);
    }
  }

  /** Imports {@code file}, checks the outcome, and returns the CPU time the import took. */
  private static long importAndCheck(Path file) throws Exception {
    long[] cpu = new long[1];
    Future<ImportResult> run = worker.submit(() -> {
      long start = THREADS.getCurrentThreadCpuTime();
      try {
        return Importer.importFiles(ImportRequest.of(file));
      } finally {
        cpu[0] = THREADS.getCurrentThreadCpuTime() - start;
      }
    });
    try {
      ImportResult result = run.get(WALL_LIMIT_SECONDS, TimeUnit.SECONDS);
      assertThat(result.source()).isNotBlank();
    } catch (TimeoutException e) {
      run.cancel(true);
      throw new AssertionError("the import did not end within " + WALL_LIMIT_SECONDS + " s", e);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof ImportException importException)) {
        throw e.getCause() instanceof Error error ? error : new AssertionError("not an ImportException", e.getCause());
      }
      // Most messages start with "file:line:"; those about the input as a whole name each object's
      // file and line inside ("the input has 2 Deployments: Deployment/a (in.yaml:9), ...").
      assertThat(importException.getMessage()).contains(file.toString());
    }
    return cpu[0];
  }
}
