package io.chartascode.envapp.chart;

import io.chartascode.testing.ChartAsCodeTests;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The proof a user's project gets from the testing kit, run on envapp: the committed tree is
 * current, the chart lints strictly, and helm ≡ kustomize for every environment, with helm 3 +
 * kustomize 5.4 and helm 4 + kustomize 5.7. Nothing here is envapp-specific but the catalog.
 */
class EnvAppChartsTest {
  static final ChartAsCodeTests charts =
      ChartAsCodeTests.builder(new EnvAppCatalog())
          .generatedDirectory(Path.of(System.getProperty("generated.dir", "../../generated")))
          .regenerateCommand("./mvnw generate-resources")
          .build();

  @Test
  void committedTreeIsUpToDate() {
    charts.assertCommittedTreeIsUpToDate();
  }

  @TestFactory
  Stream<DynamicTest> helmLint() {
    return charts.helmLint();
  }

  @TestFactory
  Stream<DynamicTest> helmEqualsKustomize() {
    return charts.helmEqualsKustomize();
  }
}
