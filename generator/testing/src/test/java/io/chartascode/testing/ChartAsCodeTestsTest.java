package io.chartascode.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.testing.SampleApplications;
import io.chartascode.generator.write.FileTreeWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The kit as a user's test sees it, on a model that is not envapp. */
class ChartAsCodeTestsTest {
  private static final Catalog CATALOG = () -> List.of(SampleApplications.random(7));

  @TempDir Path project;

  private ChartAsCodeTests charts() {
    return ChartAsCodeTests.builder(CATALOG).generatedDirectory(project.resolve("generated")).build();
  }

  @Test
  void aTreeWrittenFromTheModelIsUpToDate() {
    new FileTreeWriter(project.resolve("generated")).write(charts().render());

    charts().assertCommittedTreeIsUpToDate();
  }

  @Test
  void aHandEditFailsWithTheDiffAndTheCommandThatFixesIt() throws IOException {
    new FileTreeWriter(project.resolve("generated")).write(charts().render());
    String app = SampleApplications.random(7).name();
    Path values = project.resolve("generated/helm/" + app + "/values.yaml");
    Files.writeString(values, Files.readString(values) + "extra: true\n");

    assertThatThrownBy(() -> charts().assertCommittedTreeIsUpToDate())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("changed: generated/helm/" + app + "/values.yaml")
        .hasMessageContaining("--- generated/helm/" + app + "/values.yaml\n+++ rendered/helm/" + app + "/values.yaml")
        .hasMessageContaining("-extra: true")
        .hasMessageEndingWith("Fix: run `mvn generate-resources` and commit generated/.\n");
  }

  @Test
  void aProjectThatNeverGeneratedIsToldEveryFileIsMissing() {
    assertThatThrownBy(() -> charts().assertCommittedTreeIsUpToDate())
        .hasMessageStartingWith("generated: " + (charts().render().size() + 1) + " files differ");
  }

  @Test
  void objectsThatDifferAreNamedWithTheFieldPath() {
    String helm = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
            - port: 80
        """;
    String kustomize = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
            - port: "80"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: extra
        """;

    assertThatThrownBy(() -> ChartAsCodeTests.assertSameObjects("web prod", helm, kustomize))
        .hasMessage("""
            web prod: helm template and kustomize build differ (left: helm, right: kustomize):
              ConfigMap/extra /: <absent> != <object>
              Service/web /spec/ports/0/port: 80 (number) != "80" (string)""");
  }

  @Test
  void helmBookkeepingLabelsAreTheOnlyDifferenceAllowed() {
    String object = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          labels:
            app.kubernetes.io/name: web%s
        """;
    ChartAsCodeTests.assertSameObjects("web", object.formatted("\n    helm.sh/chart: web-0.1.0\n    app.kubernetes.io/managed-by: Helm"), object.formatted(""));
  }

  /** The real binaries: both tool pairs lint the chart and agree on the objects. */
  @TestFactory
  Stream<DynamicTest> lintAndEquivalenceRunOnARandomModel() {
    return Stream.concat(charts().helmLint(), charts().helmEqualsKustomize());
  }

  @Test
  void theTemporaryRenderIsDeletedWhenJUnitClosesTheStream() throws IOException {
    Set<Path> before = temporaryTrees();
    try (Stream<DynamicTest> tests = charts().helmEqualsKustomize()) {
      assertThat(temporaryTrees()).hasSize(before.size() + 1);
    }
    assertThat(temporaryTrees()).isEqualTo(before);
  }

  private static Set<Path> temporaryTrees() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(p -> p.getFileName().toString().startsWith("chart-as-code-")).collect(Collectors.toSet());
    }
  }
}
