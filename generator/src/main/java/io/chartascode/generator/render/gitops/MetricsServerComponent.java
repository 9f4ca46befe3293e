package io.chartascode.generator.render.gitops;

import io.chartascode.generator.yaml.YamlMap;
import io.chartascode.generator.yaml.YamlScalar;
import io.chartascode.generator.yaml.YamlSeq;
import java.util.List;

/**
 * A Kustomize component that inflates metrics-server, which the HPA needs, at a pinned chart
 * version. {@code --kubelet-insecure-tls} because kind's kubelets serve self-signed certificates.
 * kind/up.sh reads the version from this file, so there is one pin.
 */
public final class MetricsServerComponent {
  public static final String REPO = "https://kubernetes-sigs.github.io/metrics-server/";
  public static final String VERSION = "3.13.1";
  public static final String PATH = "gitops/components/metrics-server/kustomization.yaml";

  private MetricsServerComponent() {}

  public static String render() {
    YamlMap chart =
        YamlMap.builder()
            .put("name", "metrics-server")
            .put("repo", REPO)
            .put("version", VERSION)
            .put("releaseName", "metrics-server")
            .put("namespace", "kube-system")
            .put(
                "valuesInline",
                YamlMap.builder()
                    .put("args", YamlSeq.of(List.of(YamlScalar.string("--kubelet-insecure-tls"))))
                    .build())
            .build();
    return GitOpsRenderer.yaml(
        YamlMap.builder()
            .put("apiVersion", "kustomize.config.k8s.io/v1alpha1")
            .put("kind", "Component")
            .put("helmCharts", YamlSeq.of(List.of(chart)))
            .build());
  }
}
