package io.chartascode.generator.internal.render.gitops;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.GeneratedHeader;
import io.chartascode.generator.internal.yaml.YamlDocument;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlScalar;
import io.chartascode.generator.internal.yaml.YamlSeq;
import io.chartascode.generator.internal.yaml.YamlWriter;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ways GitOps tools consume the chart, generated from the same model so they cannot drift:
 *
 * <ul>
 *   <li>{@code helmcharts/<env>/}: Kustomize overlays that inflate the chart with
 *       {@code helmCharts}. Kustomize runs {@code helm version -c}, which Helm 4 removed, so these
 *       need Helm 3 ({@code kubectl kustomize --enable-helm --helm-command <helm3>}).
 *   <li>{@code post-renderer/<app>-kustomize-<env>/}: a Kustomize post-renderer. Helm 3 runs its
 *       {@code kustomize.sh}; for Helm 4 the same directory is a {@code postrenderer/v1} plugin,
 *       named after the directory, as Helm 4 installs local plugins under their directory name.
 *   <li>{@code argocd/}: an Argo CD Application per environment for the overlay and for the chart.
 * </ul>
 *
 * Paths are relative to {@code gitops/<app>/}.
 */
public final class GitOpsRenderer {
  public static final String ENVIRONMENT_LABEL = "app.kubernetes.io/environment";

  private final Application app;
  private final GeneratedHeader header;

  private GitOpsRenderer(Application app, GeneratedHeader header) {
    this.app = app;
    this.header = header;
  }

  public static SortedMap<String, String> render(Application app, GeneratedHeader header) {
    return new GitOpsRenderer(app, header).files();
  }

  private SortedMap<String, String> files() {
    SortedMap<String, String> files = new TreeMap<>();
    for (Environment env : app.environments()) {
      files.put("helmcharts/" + env.name() + "/kustomization.yaml", yaml(helmCharts(env)));
      String plugin = "post-renderer/" + pluginName(env) + "/";
      files.put(plugin + "kustomization.yaml", yaml(postRendererKustomization(env)));
      files.put(plugin + "plugin.yaml", yaml(helm4Plugin(env)));
      files.put(plugin + "kustomize.sh", PostRendererScript.text(header));
      app.argoCd().ifPresent(argo -> {
        files.put("argocd/" + env.name() + "-kustomize.yaml", yaml(ArgoApplications.kustomize(app, env, argo)));
        files.put("argocd/" + env.name() + "-helm.yaml", yaml(ArgoApplications.helm(app, env, argo)));
      });
    }
    return files;
  }

  /** {@code envapp-kustomize-dev}: the Helm 4 plugin name and its directory name. */
  public static String pluginName(Application app, Environment env) {
    return app.name() + "-kustomize-" + env.name();
  }

  private String pluginName(Environment env) {
    return pluginName(app, env);
  }

  /** From {@code generated/gitops/<app>/helmcharts/<env>/} back to {@code generated/}. */
  private static final String TO_GENERATED = "../../../../";

  private YamlMap helmCharts(Environment env) {
    YamlMap.Builder chart =
        YamlMap.builder()
            .put("name", app.name())
            .put("releaseName", app.name());
    env.namespace().ifPresent(ns -> chart.put("namespace", ns));
    chart
        .put("valuesFile", TO_GENERATED + "helm/" + app.name() + "/values-" + env.name() + ".yaml")
        // The helm test hook is for `helm test`, not for a GitOps sync.
        .put("skipTests", YamlScalar.bool(true));
    return kustomization()
        .put("helmGlobals", YamlMap.builder().put("chartHome", TO_GENERATED + "helm").build())
        .put("helmCharts", YamlSeq.of(List.of(chart.build())))
        .build();
  }

  /** Marks every object with its environment: the patch a post-renderer exists to apply. */
  private YamlMap postRendererKustomization(Environment env) {
    return kustomization()
        .put("resources", YamlSeq.of(List.of(YamlScalar.string(PostRendererScript.RENDERED_FILE))))
        .put(
            "labels",
            YamlSeq.of(
                List.of(
                    YamlMap.builder()
                        .put("pairs", YamlMap.builder().put(ENVIRONMENT_LABEL, env.name()).build())
                        .put("includeSelectors", YamlScalar.bool(false))
                        .put("includeTemplates", YamlScalar.bool(true))
                        .build())))
        .build();
  }

  private YamlMap helm4Plugin(Environment env) {
    return YamlMap.builder()
        .put("apiVersion", "v1")
        .put("type", "postrenderer/v1")
        .put("name", pluginName(env))
        .put("version", app.chartVersion())
        .put("runtime", "subprocess")
        .put(
            "runtimeConfig",
            YamlMap.builder()
                .put(
                    "platformCommand",
                    YamlSeq.of(
                        List.of(YamlMap.builder().put("command", "${HELM_PLUGIN_DIR}/kustomize.sh").build())))
                .build())
        .build();
  }

  private static YamlMap.Builder kustomization() {
    return YamlMap.builder().put("apiVersion", "kustomize.config.k8s.io/v1beta1").put("kind", "Kustomization");
  }

  private String yaml(YamlNode node) {
    return yaml(node, header);
  }

  static String yaml(YamlNode node, GeneratedHeader header) {
    return YamlWriter.write(YamlDocument.of(node).withHeader(header.yaml()));
  }
}
