package io.chartascode.generator.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Value;
import io.chartascode.testing.ManifestComparison;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.generator.testing.SampleApplications;
import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.ToolPair;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for any valid model, helm ≡ kustomize in every environment. 25 seeded random models
 * (names, ports, env maps with hostile values, resources, bounds, 1–3 environments, some of which
 * switch the autoscaler off, or on where it is off by default; an Ingress, an HTTPRoute or both, switched
 * and at their own hosts per environment), each environment rendered once,
 * alternating helm 3 and helm 4.
 * A failure names the seed, so it reproduces exactly.
 */
class RandomModelsEquivalenceTest {
  static final long FIRST_SEED = 20261129L;
  static final int MODELS = 25;

  static Stream<Long> seeds() {
    return LongStream.range(FIRST_SEED, FIRST_SEED + MODELS).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void helmEqualsKustomize(long seed, @TempDir Path tmp) throws Exception {
    Application app = SampleApplications.random(seed);
    Path root = Renders.generate(tmp.resolve("model-" + seed), List.of(app));
    ToolPair tools = ToolPair.tested().get((int) (seed % 2));
    for (Environment env : app.environments()) {
      var helm = Manifests.parse(Renders.helmTemplate(tools.helm(), root, app, env));
      var kustomize = Manifests.parse(Renders.kustomize(tools.kubectl(), Renders.overlay(root, app, env)));
      var differences = ManifestComparison.compare(helm, kustomize);
      assertThat(differences)
          .as("seed %d, %s, environment %s:%n%s", seed, tools, env.name(), ManifestComparison.report(differences))
          .isEmpty();
      assertThat(helm).isNotEmpty();
    }
  }

  /** The seeds draw both directions of an object switched per environment, or the property says little. */
  @Test
  void theModelsSwitchTheAutoscalerBothWays() {
    var models = seeds().map(SampleApplications::random).toList();
    assertThat(models).anySatisfy(app -> assertThat(SampleApplications.switchesAutoscaling(app, true)).isPresent());
    assertThat(models).anySatisfy(app -> assertThat(SampleApplications.switchesAutoscaling(app, false)).isPresent());
  }

  /** The seeds draw Ingresses and HTTPRoutes, alone and together, and environments that turn each on and off. */
  @Test
  void theModelsDrawIngressesAndHttpRoutesSwitchedPerEnvironment() {
    var models = seeds().map(SampleApplications::random).toList();
    assertThat(models).anySatisfy(app -> assertThat(app.ingress().isPresent() && app.httpRoute().isPresent()).isTrue());
    assertThat(models).anySatisfy(app -> assertThat(app.ingress().isPresent() && app.httpRoute().isEmpty()).isTrue());
    assertThat(models).anySatisfy(app -> assertThat(app.httpRoute().isPresent() && app.ingress().isEmpty()).isTrue());
    for (boolean on : List.of(true, false)) {
      assertThat(models).anySatisfy(app -> assertThat(app.ingress().map(i -> switches(app, i.enabled(), on)).orElse(false)).isTrue());
      assertThat(models).anySatisfy(app -> assertThat(app.httpRoute().map(h -> switches(app, h.enabled(), on)).orElse(false)).isTrue());
    }
  }

  /** Whether an environment turns {@code enabled} {@code on} where the default is the other way. */
  private static boolean switches(Application app, Value<Boolean> enabled, boolean on) {
    return enabled.evaluate(app.defaults()) != on && app.environments().stream().anyMatch(env -> enabled.evaluate(app.valuesFor(env)) == on);
  }
}
