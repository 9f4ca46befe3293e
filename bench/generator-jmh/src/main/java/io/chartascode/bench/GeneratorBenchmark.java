package io.chartascode.bench;

import io.chartascode.generator.Generator;
import io.chartascode.generator.check.Finding;
import io.chartascode.generator.check.ModelValidator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.generator.write.WriteReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generator in one JVM, for 1, 10 and 100 services ({@link SyntheticCatalog}):
 *
 * <ul>
 *   <li>{@code render}: model → validated → every file in memory, what {@code Generator.render}
 *       does on each {@code generate-resources}, including building the model;
 *   <li>{@code validate}: the validation step alone, to split {@code render};
 *   <li>{@code writeUnchanged}: render, then write over a tree that is already current, the common
 *       case on a build where the model did not change (compares, then writes nothing);
 *   <li>{@code writeFresh}: render, then write into an empty directory (staging, then swap);
 *   <li>{@code checkCurrent}: render, then only compare with the current tree ({@code
 *       FileTreeWriter.isCurrent}, what a check-only run does): the least an unchanged write needs.
 * </ul>
 *
 * Average time per operation. Run with {@code bench/generate.sh jmh}, or
 * {@code java -jar bench/generator-jmh/target/generator-bench.jar}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GeneratorBenchmark {
  @Param({"1", "10", "100"})
  public int services;

  private List<Application> model;
  private Path scratch;
  private Path current;
  private Path fresh;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    model = SyntheticCatalog.services(services);
    scratch = Files.createTempDirectory("generator-bench-");
    current = scratch.resolve("current");
    fresh = scratch.resolve("fresh");
    new FileTreeWriter(current).write(Generator.render(model));
  }

  @Setup(Level.Invocation)
  public void emptyFresh() throws IOException {
    FileTreeWriter.deleteRecursively(fresh);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    FileTreeWriter.deleteRecursively(scratch);
  }

  @Benchmark
  public SortedMap<String, String> render() {
    return Generator.render(SyntheticCatalog.services(services));
  }

  @Benchmark
  public List<Finding> validate() {
    return ModelValidator.check(model);
  }

  @Benchmark
  public WriteReport writeUnchanged() {
    return new FileTreeWriter(current).write(Generator.render(SyntheticCatalog.services(services)));
  }

  @Benchmark
  public WriteReport writeFresh() {
    return new FileTreeWriter(fresh).write(Generator.render(SyntheticCatalog.services(services)));
  }

  @Benchmark
  public boolean checkCurrent() {
    return FileTreeWriter.isCurrent(current, Generator.render(SyntheticCatalog.services(services)));
  }
}
