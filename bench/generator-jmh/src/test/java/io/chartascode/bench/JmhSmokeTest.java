package io.chartascode.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark briefly, in this JVM and for one service, so the harness cannot rot
 * unnoticed. It asserts that each ran, never how fast: timings belong to {@code bench/generate.sh
 * jmh}. (Writing 100 services' files takes seconds on a slow disk, too long for every build.)
 */
class JmhSmokeTest {
  /** JMH's guard against two runs at once, which it leaves behind on purpose. */
  private static final Path JMH_LOCK = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");

  @Test
  void everyBenchmarkRuns() throws RunnerException, IOException {
    boolean lockWasThere = Files.exists(JMH_LOCK);
    try {
      everyBenchmarkRunsOnce();
    } finally {
      if (!lockWasThere) {
        Files.deleteIfExists(JMH_LOCK); // this run's, not another's: tests leave nothing in the temp directory
      }
    }
  }

  private void everyBenchmarkRunsOnce() throws RunnerException {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(GeneratorBenchmark.class.getName())
                    .param("services", "1")
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(50))
                    .verbosity(VerboseMode.SILENT)
                    .shouldFailOnError(true)
                    .build())
            .run();

    assertThat(results)
        .extracting(
            r -> r.getParams().getBenchmark().replaceAll(".*\\.", "")
                + "/" + r.getParams().getParam("services"))
        .containsExactlyInAnyOrder(
            "render/1", "validate/1", "writeUnchanged/1", "writeFresh/1", "checkCurrent/1");
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }
}
