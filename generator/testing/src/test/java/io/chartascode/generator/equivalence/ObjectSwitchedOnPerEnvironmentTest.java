package io.chartascode.generator.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.Generator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.testing.SampleApplications;
import io.chartascode.testing.ChartAsCodeTests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.ToolPair;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An object off by default and on in one environment: the chart's condition turns it on from the
 * values file, and the overlay adds it as a resource of its own, labelled as the base labels its
 * objects. Both render the same objects, with both tool pairs.
 */
class ObjectSwitchedOnPerEnvironmentTest {
  private static final Application APP =
      LongStream.iterate(1, seed -> seed + 1)
          .mapToObj(SampleApplications::random)
          .filter(app -> SampleApplications.switchesAutoscaling(app, true).isPresent())
          .findFirst()
          .orElseThrow();
  private static final Environment ON = SampleApplications.switchesAutoscaling(APP, true).orElseThrow();

  @Test
  void theOverlayAddsTheObjectTheBaseLeavesOut() {
    var files = Generator.render(List.of(APP));
    String overlay = "kustomize/" + APP.name() + "/overlays/" + ON.name() + "/";

    assertThat(files).doesNotContainKey("kustomize/" + APP.name() + "/base/hpa.yaml");
    assertThat(files.get(overlay + "hpa.yaml")).contains("kind: HorizontalPodAutoscaler");
    assertThat(files.get(overlay + "kustomization.yaml"))
        .contains("resources:\n  - \"../../base\"\n  - hpa.yaml\n")
        .contains("labels:\n  - pairs:\n");
  }

  @Test
  void helmAndKustomizeAgree(@TempDir Path root) {
    Renders.generate(root, List.of(APP));
    for (ToolPair pair : ToolPair.tested()) {
      ChartAsCodeTests.assertSameObjects(pair + " " + ON.name(),
          Renders.helmTemplate(pair.helm(), root, APP, ON),
          Renders.kustomize(pair.kubectl(), Renders.overlay(root, APP, ON)));
    }
  }
}
