package io.chartascode.generator.internal.render.gitops;

import io.chartascode.generator.model.MetricsServer;
import io.chartascode.generator.GeneratedHeader;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlScalar;
import io.chartascode.generator.internal.yaml.YamlSeq;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Kustomize component that inflates metrics-server, which the HPA needs, at a pinned chart
 * version, with its values in a file beside it: {@code --kubelet-insecure-tls} when the catalog
 * asks for it, for kind's kubelets, which serve self-signed certificates. kind/up.sh installs from
 * the same pin and the same values file, so both say it once.
 */
public final class MetricsServerComponent {
  public static final String REPO = "https://kubernetes-sigs.github.io/metrics-server/";
  public static final String VERSION = "3.13.1";
  public static final String DIRECTORY = "gitops/components/metrics-server/";
  public static final String PATH = DIRECTORY + "kustomization.yaml";
  public static final String VALUES_FILE = "values.yaml";

  private MetricsServerComponent() {}

  /** The component and its values file, by path under the output root. */
  public static SortedMap<String, String> render(MetricsServer options, GeneratedHeader header) {
    YamlMap chart =
        YamlMap.builder()
            .put("name", "metrics-server")
            .put("repo", REPO)
            .put("version", VERSION)
            .put("releaseName", "metrics-server")
            .put("namespace", "kube-system")
            .put("valuesFile", VALUES_FILE)
            .build();
    SortedMap<String, String> files = new TreeMap<>();
    files.put(
        PATH,
        GitOpsRenderer.yaml(
            YamlMap.builder()
                .put("apiVersion", "kustomize.config.k8s.io/v1alpha1")
                .put("kind", "Component")
                .put("helmCharts", YamlSeq.of(List.of(chart)))
                .build(),
            header));
    files.put(
        DIRECTORY + VALUES_FILE,
        GitOpsRenderer.yaml(
            YamlMap.builder()
                .put("args", YamlSeq.of(options.kubeletInsecureTls()
                    ? List.of(YamlScalar.string("--kubelet-insecure-tls"))
                    : List.of()))
                .build(),
            header));
    return files;
  }
}
