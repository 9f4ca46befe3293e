package io.chartascode.testing;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.Generator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.GeneratedHeader;
import io.chartascode.generator.write.Drift;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.ToolPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * The checks a project runs on its own catalog, in a few lines of JUnit 5:
 *
 * <pre>{@code
 * class ChartsTest {
 *   static final ChartAsCodeTests charts = ChartAsCodeTests.of(new ShopCatalog());
 *
 *   @Test void committedTreeIsUpToDate() { charts.assertCommittedTreeIsUpToDate(); }
 *   @TestFactory Stream<DynamicTest> helmLint() { return charts.helmLint(); }
 *   @TestFactory Stream<DynamicTest> helmEqualsKustomize() { return charts.helmEqualsKustomize(); }
 * }
 * }</pre>
 *
 * <p>helm and kustomize are the real binaries, pinned and checksummed, downloaded on first use
 * into {@code ~/.cache/chart-as-code} (see {@link io.chartascode.testing.tools.Toolbox}). Lint
 * and equivalence run on a fresh render of the model in a temporary directory, deleted when
 * JUnit closes the stream; the committed tree is checked by {@link #assertCommittedTreeIsUpToDate}.
 * Immutable and thread-safe.
 */
public final class ChartAsCodeTests {
  private final Catalog catalog;
  private final List<Application> applications;
  private final Path generatedDirectory;
  private final GeneratedHeader header;
  private final List<ToolPair> toolPairs;

  private ChartAsCodeTests(Builder builder) {
    this.catalog = builder.catalog;
    this.applications = List.copyOf(builder.catalog.applications());
    this.generatedDirectory = builder.generatedDirectory;
    this.header = new GeneratedHeader(builder.regenerateCommand);
    this.toolPairs = List.copyOf(builder.toolPairs);
  }

  /** Checks of {@code catalog} with every default; see {@link Builder} for them. */
  public static ChartAsCodeTests of(Catalog catalog) {
    return builder(catalog).build();
  }

  public static Builder builder(Catalog catalog) {
    return new Builder(catalog);
  }

  /** Every file of the catalog, as {@code chart-as-code:generate} writes it. */
  public SortedMap<String, String> render() {
    return Generator.render(catalog, header);
  }

  /**
   * The committed tree is exactly what the model renders. Fails with every file that differs,
   * a unified diff for each, and the command that fixes it.
   */
  public void assertCommittedTreeIsUpToDate() {
    var rendered = render();
    Drift drift;
    try {
      // Not while a generate writes the tree, and never a tree a killed generate left half-swapped.
      drift = new FileTreeWriter(generatedDirectory).readWhole(tree -> Drift.between(tree, rendered));
    } catch (IllegalStateException e) {
      throw new AssertionFailedError(e.getMessage());
    }
    if (!drift.isEmpty()) {
      throw new AssertionFailedError(drift.report(header.command()));
    }
  }

  /**
   * {@code helm lint --strict}, for the chart's defaults and with every environment's values
   * file, with each helm of {@link Builder#toolPairs}.
   */
  public Stream<DynamicTest> helmLint() {
    Path root = renderToTemporaryDirectory();
    List<DynamicTest> tests = new ArrayList<>();
    for (ToolPair pair : toolPairs) {
      for (Application app : applications) {
        Path chart = Renders.chart(root, app);
        tests.add(lint(pair.helm(), app.name() + " defaults", chart));
        for (Environment env : app.environments()) {
          Path values = chart.resolve("values-" + env.name() + ".yaml");
          tests.add(lint(pair.helm(), app.name() + " " + env.name(), chart, "-f", values.toString()));
        }
      }
    }
    return tests.stream().onClose(() -> delete(root));
  }

  /**
   * For every application and environment, {@code helm template} of the chart and {@code
   * kustomize build} of the overlay give the same objects, field for field, with each tool
   * pair. A failure names each differing object and field path. The release is named after the
   * application and installed into the environment's namespace, as the README of each chart says.
   */
  public Stream<DynamicTest> helmEqualsKustomize() {
    Path root = renderToTemporaryDirectory();
    List<DynamicTest> tests = new ArrayList<>();
    for (ToolPair pair : toolPairs) {
      for (Application app : applications) {
        for (Environment env : app.environments()) {
          tests.add(DynamicTest.dynamicTest(pair + ": " + app.name() + " " + env.name(), () ->
              assertSameObjects(app.name() + " " + env.name(),
                  Renders.helmTemplate(pair.helm(), root, app, env),
                  Renders.kustomize(pair.kubectl(), Renders.overlay(root, app, env)))));
        }
      }
    }
    return tests.stream().onClose(() -> delete(root));
  }

  /** Fails unless the two multi-document renders hold the same objects, field for field. */
  public static void assertSameObjects(String what, String helm, String kustomize) {
    var left = Manifests.parse(helm);
    var right = Manifests.parse(kustomize);
    if (left.isEmpty()) {
      throw new AssertionFailedError(what + ": helm rendered no objects");
    }
    var differences = ManifestComparison.compare(left, right);
    if (!differences.isEmpty()) {
      throw new AssertionFailedError(
          what + ": helm template and kustomize build differ (left: helm, right: kustomize):\n"
              + ManifestComparison.report(differences));
    }
  }

  private static DynamicTest lint(Tool helm, String name, Path chart, String... values) {
    return DynamicTest.dynamicTest(helm + " lint --strict: " + name, () -> {
      List<String> args = new ArrayList<>(List.of("lint", "--strict", chart.toString()));
      args.addAll(List.of(values));
      Command.Result result = Renders.run(helm, args);
      if (result.exitCode() != 0) {
        throw new AssertionFailedError(
            "helm lint --strict failed for " + name + ":\n" + result.stdout() + result.stderr());
      }
    });
  }

  private Path renderToTemporaryDirectory() {
    try {
      Path root = Files.createTempDirectory("chart-as-code-");
      new FileTreeWriter(root.resolve("generated")).write(render());
      return root.resolve("generated");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path generated) {
    try {
      FileTreeWriter.deleteRecursively(generated.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + generated.getParent(), e);
    }
  }

  /** Options, each with its default. */
  public static final class Builder {
    private final Catalog catalog;
    private Path generatedDirectory = Path.of("generated");
    private String regenerateCommand = GeneratedHeader.DEFAULT_COMMAND;
    private List<ToolPair> toolPairs = ToolPair.tested();

    private Builder(Catalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * The committed tree. Default: {@code generated} under the working directory, which is the
     * module's directory under Maven Surefire; the plugin's {@code outputDirectory} default.
     */
    public Builder generatedDirectory(Path directory) {
      this.generatedDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The command in each file's header and in failure messages; the same as the plugin's
     * {@code regenerateCommand}. Default: {@value GeneratedHeader#DEFAULT_COMMAND}.
     */
    public Builder regenerateCommand(String command) {
      this.regenerateCommand = Objects.requireNonNull(command, "command");
      return this;
    }

    /** Which helm and kustomize to prove with. Default: {@link ToolPair#tested()}, both pairs. */
    public Builder toolPairs(List<ToolPair> pairs) {
      if (pairs.isEmpty()) {
        throw new IllegalArgumentException("at least one tool pair is needed");
      }
      this.toolPairs = List.copyOf(pairs);
      return this;
    }

    public ChartAsCodeTests build() {
      return new ChartAsCodeTests(this);
    }
  }
}
