package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.testing.ManifestComparison;
import io.chartascode.testing.ManifestComparison.Difference;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.ToolPair;

import java.nio.file.Path;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The equivalence check can fail, and says exactly where: one field changed on the Kustomize side
 * is reported as that one object and path, with both values.
 */
class ComparisonCanFailTest {
  private static final Path GENERATED = Path.of(System.getProperty("generated.dir", "../../generated"));

  static Stream<Arguments> mutations() {
    return Stream.of(
        Arguments.of("a label", "Service/envapp", "/metadata/labels/app.kubernetes.io~1name",
            (Consumer<ObjectNode>) o -> ((ObjectNode) o.at("/metadata/labels")).put("app.kubernetes.io/name", "other"),
            "\"envapp\" (string)", "\"other\" (string)"),
        Arguments.of("a quantity", "Deployment/envapp", "/spec/template/spec/containers/0/resources/limits/cpu",
            (Consumer<ObjectNode>) o -> ((ObjectNode) o.at("/spec/template/spec/containers/0/resources/limits")).put("cpu", "0.5"),
            "\"500m\" (string)", "\"0.5\" (string)"),
        Arguments.of("an env value", "Deployment/envapp", "/spec/template/spec/containers/0/env/0/value",
            (Consumer<ObjectNode>) o -> ((ObjectNode) o.at("/spec/template/spec/containers/0/env/0")).put("value", "false"),
            "\"true\" (string)", "\"false\" (string)"),
        Arguments.of("a port's type", "Service/envapp", "/spec/ports/0/port",
            (Consumer<ObjectNode>) o -> ((ObjectNode) o.at("/spec/ports/0")).put("port", "80"),
            "80 (number)", "\"80\" (string)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void reportsExactlyTheChangedField(
      String what, String object, String path, Consumer<ObjectNode> mutate, String helmValue, String kustomizeValue) {
    Application app = EnvApp.application();
    Environment prod = app.environments().get(1);
    SortedMap<String, ObjectNode> helm = Manifests.parse(Renders.helmTemplate(Tool.HELM_3, GENERATED, app, prod));
    SortedMap<String, ObjectNode> kustomize =
        Manifests.parse(Renders.kustomize(Tool.KUBECTL_1_31, Renders.overlay(GENERATED, app, prod)));
    assertThat(ManifestComparison.compare(helm, kustomize)).as("unmutated").isEmpty();

    mutate.accept(kustomize.get(object));

    assertThat(ManifestComparison.compare(helm, kustomize))
        .containsExactly(new Difference(object, path.replace("~1", "/"), helmValue, kustomizeValue));
  }
}
