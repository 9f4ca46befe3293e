package io.chartascode.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartascode.generator.internal.k8s.ManifestFactory;
import io.chartascode.generator.internal.k8s.ManifestTrees;
import io.chartascode.generator.model.Application;
import io.chartascode.importer.testing.Compiled;
import io.chartascode.testing.ManifestComparison;
import io.chartascode.testing.Manifests;
import io.chartascode.importer.testing.Renderer;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of the importer: YAML in, Java source out, and the source's model renders the same
 * objects. Each case imports an input, compiles the source with {@code javax.tools}, runs
 * {@code application()}, renders the result with the real helm or kustomize, and requires the
 * objects equal to the input, field by field and type by type.
 *
 * <p>envapp's and showcase's inputs are themselves real {@code helm template} and {@code kubectl
 * kustomize} output of the repository's committed {@code generated/} tree (showcase uses every workload
 * feature of the model); shop-api (a sidecar, an autoscaler) and catalog (zone spread with
 * DoNotSchedule, anti-affinity, tolerations, fixed replicas) are hand-written YAML.
 */
class RoundTripTest {
  private static final Path GENERATED = Path.of(System.getProperty("generated.dir", "../../generated"));
  private static final Path ENVAPP_CHART = GENERATED.resolve("helm/envapp");
  private static final Path SHOWCASE_CHART = GENERATED.resolve("helm/showcase");

  @TempDir static Path inputs;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("envapp: helm template (dev)", Source.ENVAPP_HELM_DEV, Renderer.HELM),
        Arguments.of("envapp: kubectl kustomize (prod)", Source.ENVAPP_KUSTOMIZE_PROD, Renderer.KUSTOMIZE),
        Arguments.of("showcase: helm template (prod)", Source.SHOWCASE_HELM_PROD, Renderer.HELM),
        Arguments.of("showcase: kubectl kustomize (dev)", Source.SHOWCASE_KUSTOMIZE_DEV, Renderer.KUSTOMIZE),
        Arguments.of("shop-api: hand-written, sidecar + HPA, as helm", Source.SHOP_API, Renderer.HELM),
        Arguments.of("shop-api: hand-written, sidecar + HPA, as kustomize", Source.SHOP_API, Renderer.KUSTOMIZE),
        Arguments.of("catalog: hand-written, topology spread, as helm", Source.CATALOG, Renderer.HELM),
        Arguments.of("catalog: hand-written, topology spread, as kustomize", Source.CATALOG, Renderer.KUSTOMIZE));
  }

  /** Where each input comes from, and the environment it was rendered for. */
  enum Source {
    ENVAPP_HELM_DEV("dev"),
    ENVAPP_KUSTOMIZE_PROD("prod"),
    SHOWCASE_HELM_PROD("prod"),
    SHOWCASE_KUSTOMIZE_DEV("dev"),
    SHOP_API("prod"),
    CATALOG("prod");

    final String environment;

    Source(String environment) {
      this.environment = environment;
    }

    Path file() throws IOException {
      return switch (this) {
        case ENVAPP_HELM_DEV -> write("envapp-dev.yaml", Renders.run(Tool.HELM_3, List.of(
            "template", "envapp", ENVAPP_CHART.toString(), "-f", ENVAPP_CHART.resolve("values-dev.yaml").toString(),
            "--namespace", "envapp-dev", "--skip-tests")).assertSuccess().stdout());
        case ENVAPP_KUSTOMIZE_PROD -> write("envapp-prod.yaml",
            Renders.kustomize(Tool.KUBECTL_1_31, GENERATED.resolve("kustomize/envapp/overlays/prod")));
        case SHOWCASE_HELM_PROD -> write("showcase-prod.yaml", Renders.run(Tool.HELM_3, List.of(
            "template", "showcase", SHOWCASE_CHART.toString(), "-f", SHOWCASE_CHART.resolve("values-prod.yaml").toString(),
            "--namespace", "showcase-prod", "--skip-tests")).assertSuccess().stdout());
        case SHOWCASE_KUSTOMIZE_DEV -> write("showcase-dev.yaml",
            Renders.kustomize(Tool.KUBECTL_1_31, GENERATED.resolve("kustomize/showcase/overlays/dev")));
        case SHOP_API -> Path.of("src/test/resources/inputs/shop-api.yaml");
        case CATALOG -> Path.of("src/test/resources/inputs/catalog.yaml");
      };
    }

    private static Path write(String name, String yaml) throws IOException {
      return Files.writeString(inputs.resolve(name), yaml, StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void importedSourceRendersTheInput(String name, Source source, Renderer renderer) throws IOException {
    Path input = source.file();
    ImportResult result =
        Importer.importFiles(ImportRequest.of(input).withPackage("com.example.imported").withEnvironment(source.environment));

    ImportReport report = result.report();
    assertThat(report.differences()).as("the importer's own comparison").isEmpty();
    assertThat(report.skipped()).isEmpty();
    assertThat(report.optOuts()).isEmpty();
    assertThat(report.findings()).isEmpty();

    Application compiled = Compiled.application(result);
    assertThat(trees(compiled)).as("compiled source vs the importer's model").isEqualTo(trees(result.application()));

    var expected = Manifests.parse(Files.readString(input, StandardCharsets.UTF_8));
    var actual = Manifests.parse(renderer.render(compiled, source.environment));
    var differences = ManifestComparison.compare(expected, actual);
    assertThat(differences).as("input vs %s of the imported model:%n%s", renderer, ManifestComparison.report(differences)).isEmpty();
    assertThat(actual).hasSize(expected.size());
  }

  private static List<JsonNode> trees(Application app) {
    return ManifestFactory.concrete(app, app.defaults()).stream().map(m -> ManifestTrees.toJson(m.object())).toList();
  }
}
