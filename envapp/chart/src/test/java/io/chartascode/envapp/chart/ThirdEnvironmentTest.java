package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.Generator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.testing.ManifestComparison;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.ToolPair;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding an environment to the model is all it takes to get its values file and its overlay. */
class ThirdEnvironmentTest {

  @Test
  void stagingGetsAValuesFileAndAnOverlayThatAgree(@TempDir Path root) {
    Environment staging =
        Environment.builder("staging")
            .namespace("envapp-staging")
            .set(EnvApp.PROD, true)
            .set(EnvApp.TAG, "v2")
            .set(EnvApp.MAX_REPLICAS, 4)
            .build();
    Application app = EnvApp.application().toBuilder().environment(staging).build();

    var files = Generator.render(List.of(app));
    assertThat(files).containsKeys(
        "helm/envapp/values-staging.yaml", "kustomize/envapp/overlays/staging/kustomization.yaml");
    assertThat(files.get("helm/envapp/values-staging.yaml")).contains("tag: v2", "prod: true", "maxReplicas: 4");
    assertThat(files.get("kustomize/envapp/overlays/staging/kustomization.yaml"))
        .contains("namespace: envapp-staging", "newTag: v2");

    Renders.generate(root, List.of(app));
    var helm = Manifests.parse(Renders.helmTemplate(Tool.HELM_4, root, app, staging));
    var kustomize = Manifests.parse(Renders.kustomize(Tool.KUBECTL_1_34, Renders.overlay(root, app, staging)));
    assertThat(ManifestComparison.compare(helm, kustomize)).isEmpty();
    assertThat(helm.get("Deployment/envapp").at("/spec/template/spec/containers/0/image").textValue())
        .isEqualTo("kkrast/envapp:v2");
  }
}
