package io.chartascode.generator.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.testing.ManifestComparison;
import io.chartascode.generator.testing.Manifests;
import io.chartascode.generator.testing.Renders;
import io.chartascode.generator.testing.Tools;
import io.chartascode.services.EnvApp;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of the product: for every environment, {@code helm template envapp} of the chart
 * and {@code kustomize build} of the overlay produce the same objects, field by field, with helm
 * 3 + kustomize 5.4.2 and with helm 4 + kustomize 5.7.1. Runs on the committed tree.
 */
class HelmKustomizeEquivalenceTest {
  private static final Path GENERATED = Path.of(System.getProperty("generated.dir", "../generated"));

  static Stream<Arguments> environments() {
    Application app = EnvApp.application();
    return Tools.pairs().stream()
        .flatMap(pair -> app.environments().stream().map(env -> Arguments.of(pair, env.name())));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("environments")
  void helmAndKustomizeRenderTheSameObjects(Tools.Pair tools, String envName) {
    Application app = EnvApp.application();
    Environment env = app.environments().stream().filter(e -> e.name().equals(envName)).findFirst().orElseThrow();

    var helm = Manifests.parse(Renders.helmTemplate(tools.helm(), GENERATED, app, env));
    var kustomize = Manifests.parse(Renders.kustomize(tools.kubectl(), Renders.overlay(GENERATED, app, env)));

    assertThat(helm).hasSize(4);
    var differences = ManifestComparison.compare(helm, kustomize);
    assertThat(differences).as("helm vs kustomize for %s:%n%s", envName, ManifestComparison.report(differences)).isEmpty();
  }
}
