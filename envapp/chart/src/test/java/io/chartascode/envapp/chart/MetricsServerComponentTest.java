package io.chartascode.envapp.chart;

import io.chartascode.generator.internal.render.gitops.MetricsServerComponent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.testing.Command;
import io.chartascode.testing.FileTrees;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.ToolPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics-server component, inflated by real kustomize (kubectl 1.31) and helm 3: its values
 * file reaches helm, on top of the chart's own defaults. The real chart needs the network, so a
 * stand-in chart of the same name and version sits where kustomize looks before it pulls
 * ({@code charts/<name>-<version>/<name>}); it renders the values it gets into a ConfigMap.
 */
class MetricsServerComponentTest {
  private static final Path GENERATED = Path.of(System.getProperty("generated.dir", "../../generated"));

  @TempDir Path tmp;

  @Test
  void kustomizePassesTheValuesFileToHelm() throws IOException {
    Path component = tmp.resolve("component");
    FileTrees.copy(GENERATED.resolve(MetricsServerComponent.DIRECTORY), component);
    Path chart = component.resolve("charts/metrics-server-" + MetricsServerComponent.VERSION + "/metrics-server");
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(chart.resolve("Chart.yaml"),
        "apiVersion: v2\nname: metrics-server\nversion: " + MetricsServerComponent.VERSION + "\n");
    Files.writeString(chart.resolve("values.yaml"), "args: []\nreplicas: 1\n");
    Files.writeString(chart.resolve("templates/values.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-values
          namespace: {{ .Release.Namespace }}
        data:
          args: {{ toJson .Values.args | quote }}
          replicas: {{ .Values.replicas | quote }}
        """);
    Path top = Files.createDirectories(tmp.resolve("top"));
    Files.writeString(top.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncomponents:\n  - ../component\n");

    String out = Command.run(List.of(Renders.binary(Tool.KUBECTL_1_31), "kustomize", "--enable-helm",
            "--helm-command", Renders.binary(Tool.HELM_3), top.toString()))
        .assertSuccess()
        .stdout();

    SortedMap<String, ObjectNode> objects = Manifests.parse(out);
    assertThat(objects).containsOnlyKeys("ConfigMap/metrics-server-values");
    ObjectNode values = objects.get("ConfigMap/metrics-server-values");
    assertThat(values.at("/metadata/namespace").textValue()).isEqualTo("kube-system");
    assertThat(values.at("/data/args").textValue()).isEqualTo("[\"--kubelet-insecure-tls\"]");
    assertThat(values.at("/data/replicas").textValue()).as("the chart's own defaults stay").isEqualTo("1");
  }
}
