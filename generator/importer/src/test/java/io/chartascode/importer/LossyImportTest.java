package io.chartascode.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartascode.generator.internal.k8s.ManifestFactory;
import io.chartascode.generator.internal.k8s.ManifestTrees;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.OptOut;
import io.chartascode.importer.compare.Difference;
import io.chartascode.importer.testing.Compiled;
import io.chartascode.testing.ManifestComparison;
import io.chartascode.testing.Manifests;
import io.chartascode.importer.testing.Renderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A typical legacy manifest set: root, no resources, an init container, a hostPath volume, a
 * secret env var, probe timings, custom labels, a ConfigMap and an Ingress (which the model reads). Nothing of it may be
 * dropped silently: each kind and field the model cannot say is listed with its file and line, in
 * the command output and at the top of the source, and the guarantees it breaks become explicit
 * opt-outs so the imported model still renders what the cluster runs.
 */
class LossyImportTest {
  private static final String FILE = "src/test/resources/inputs/legacy-web.yaml";
  private static final ImportResult RESULT =
      Importer.importFiles(ImportRequest.of(Path.of(FILE)).withPackage("com.example.legacy").withEnvironment("prod"));

  @Test
  void unknownKindsAreListedNotFatal() {
    assertThat(RESULT.report().skipped())
        .extracting(Skipped::object, Skipped::where)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ConfigMap/legacy-web-config", FILE + ":1"));
  }

  @Test
  void theIngressToTheServiceIsImportedWithItsHostAsAParameter() {
    assertThat(RESULT.report().imported()).contains("Ingress/legacy-web (" + FILE + ":77)");
    assertThat(RESULT.source()).contains(".rule(Value.of(INGRESS_HOST), Ingress.Path.prefix(\"/\"))");
  }

  @Test
  void everyFieldTheModelCannotSayIsListedWithItsLine() {
    assertThat(RESULT.report().differences())
        .extracting(Difference::object, Difference::path, Difference::where)
        .contains(
            row("spec.template.spec.initContainers[migrate].resources", 31),
            row("spec.template.spec.volumes[logs]", 60),
            row("metadata.labels.team", 15));
    assertThat(RESULT.report().differences())
        .anySatisfy(d -> assertThat(d.toString()).startsWith("ServiceAccount/legacy-web (not in the input): absent -> added"));
  }

  @Test
  void podSettingsProbeTimingsAndVariablesFromSourcesAreCarriedOver() {
    assertThat(RESULT.report().differences())
        .extracting(Difference::path)
        .noneMatch(path -> path.startsWith("spec.template.spec.nodeSelector") || path.contains("livenessProbe.initialDelaySeconds")
            || path.contains("env[DB_PASSWORD]"));
    assertThat(RESULT.source())
        .contains(".nodeSelector(\"kubernetes.io/os\", \"linux\")")
        .contains(".withInitialDelaySeconds(")
        .contains(".env(EnvVar.from(\"DB_PASSWORD\",")
        .contains(".podAnnotations(POD_ANNOTATIONS)");
  }

  @Test
  void brokenGuaranteesBecomeOptOutsWithReasons() {
    assertThat(RESULT.report().optOuts().keySet())
        .containsExactly(OptOut.RUN_AS_ROOT, OptOut.WRITABLE_ROOT_FILESYSTEM, OptOut.CAPABILITIES, OptOut.NO_DISRUPTION_BUDGET,
            OptOut.NO_NETWORK_POLICY);
    assertThat(RESULT.report().findings()).as("the model generates as imported").isEmpty();
    assertThat(RESULT.source())
        .contains(".optOut(OptOut.RUN_AS_ROOT,")
        .contains("containers migrate, web do not set readOnlyRootFilesystem: true")
        .contains(".optOut(OptOut.NO_DISRUPTION_BUDGET,")
        .contains("the input has no PodDisruptionBudget")
        .contains(".optOut(OptOut.NO_NETWORK_POLICY,")
        .contains("the input has no NetworkPolicy the model expresses");
  }

  @Test
  void theSourceCarriesTheWholeReportAtTheTop() {
    String header = RESULT.source().substring(0, RESULT.source().indexOf("\npackage "));
    for (String line : RESULT.report().lines()) {
      assertThat(header).contains(("// " + line).strip());
    }
    assertThat(RESULT.report().notes())
        .anySatisfy(n -> assertThat(n).contains("selector changes"))
        .anySatisfy(n -> assertThat(n).contains(FILE + ":50: probe port 8080 is written as its name 'port-8080'"));
  }

  @Test
  void theCompiledSourceRendersWhatTheReportDescribes() throws IOException {
    Application compiled = Compiled.application(RESULT);
    assertThat(trees(compiled)).isEqualTo(trees(RESULT.application()));
    // The comparison is not vacuous: this input really does render differently.
    var input = Manifests.parse(Files.readString(Path.of(FILE), StandardCharsets.UTF_8));
    var rendered = Manifests.parse(Renderer.KUSTOMIZE.render(compiled, "prod"));
    assertThat(ManifestComparison.compare(input, rendered)).isNotEmpty();
  }

  private static org.assertj.core.groups.Tuple row(String path, int line) {
    return org.assertj.core.groups.Tuple.tuple("Deployment/legacy-web", path, FILE + ":" + line);
  }

  private static List<JsonNode> trees(Application app) {
    return ManifestFactory.concrete(app, app.defaults()).stream().map(m -> ManifestTrees.toJson(m.object())).toList();
  }
}
