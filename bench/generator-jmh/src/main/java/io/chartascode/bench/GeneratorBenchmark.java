package io.chartascode.bench;

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
 * The benchmarks that touch files also run per {@code scratch} directory ({@code -p
 * scratch=/tmp,/dev/shm}), so that a disk's own costs can be told apart from the generator's.
 *
 * <p>Average time per operation. Run with {@code bench/generate.sh jmh}, or {@code java -jar
 * bench/generator-jmh/target/generator-bench.jar}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// 40 s of warm-up: C2 keeps compiling the renderers for that long. 100 showcase services went 2886,
// 690, 422, 267, 225, 183, 151, 119, 97 and 86 ms an operation over the first 16 two-second
// iterations (2026-12-01), then stayed near 85; with less, the figures were the JIT's.
@Warmup(iterations = 20, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GeneratorBenchmark {
  /** The model of N services. */
  @State(Scope.Benchmark)
  public static class Services {
    @Param({"1", "10", "100"})
    public int services;

    List<Application> model;

    @Setup(Level.Trial)
    public void build() {
      model = SyntheticCatalog.services(services);
    }

    /** A new model each time, as every {@code generate-resources} builds one. */
    List<Application> fresh() {
      return SyntheticCatalog.services(services);
    }
  }

  /** A current tree of the N services, and a place for fresh ones, under {@code scratch}. */
  @State(Scope.Benchmark)
  public static class Trees {
    /** Where the trees go: {@code tmpdir} (the JVM's {@code java.io.tmpdir}) or a directory. */
    @Param({"tmpdir"})
    public String scratch;

    Path root;
    Path current;
    Path fresh;

    @Setup(Level.Trial)
    public void writeCurrent(Services services) throws IOException {
      Path parent = Path.of(scratch.equals("tmpdir") ? System.getProperty("java.io.tmpdir") : scratch);
      root = Files.createTempDirectory(parent, "generator-bench-");
      current = root.resolve("current");
      fresh = root.resolve("fresh");
      new FileTreeWriter(current).write(SyntheticCatalog.render(services.model));
    }

    @Setup(Level.Invocation)
    public void emptyFresh() throws IOException {
      FileTreeWriter.deleteRecursively(fresh);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
      FileTreeWriter.deleteRecursively(root);
    }
  }

  @Benchmark
  public SortedMap<String, String> render(Services services) {
    return SyntheticCatalog.render(services.fresh());
  }

  @Benchmark
  public List<Finding> validate(Services services) {
    return ModelValidator.check(services.model);
  }

  @Benchmark
  public WriteReport writeUnchanged(Services services, Trees trees) {
    return new FileTreeWriter(trees.current).write(SyntheticCatalog.render(services.fresh()));
  }

  @Benchmark
  public WriteReport writeFresh(Services services, Trees trees) {
    return new FileTreeWriter(trees.fresh).write(SyntheticCatalog.render(services.fresh()));
  }

  @Benchmark
  public boolean checkCurrent(Services services, Trees trees) {
    return FileTreeWriter.isCurrent(trees.current, SyntheticCatalog.render(services.fresh()));
  }
}
