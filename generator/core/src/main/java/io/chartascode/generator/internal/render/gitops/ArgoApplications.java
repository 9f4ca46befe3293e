package io.chartascode.generator.internal.render.gitops;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.ArgoCd;
import io.chartascode.generator.model.GitRepository;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlScalar;
import io.chartascode.generator.internal.yaml.YamlSeq;
import java.util.List;

/** Argo CD {@code Application}s: one syncing the Kustomize overlay, one the chart with its values. */
final class ArgoApplications {
  private static final String IN_CLUSTER = "https://kubernetes.default.svc";

  private ArgoApplications() {}

  static YamlMap kustomize(Application app, Environment env, ArgoCd argo) {
    GitRepository repo = argo.repository();
    YamlMap source =
        YamlMap.builder()
            .put("repoURL", repo.url())
            .put("targetRevision", repo.revision())
            .put("path", repo.generatedPath() + "/kustomize/" + app.name() + "/overlays/" + env.name())
            .build();
    return application(app, env, argo, "kustomize", source);
  }

  static YamlMap helm(Application app, Environment env, ArgoCd argo) {
    GitRepository repo = argo.repository();
    YamlMap source =
        YamlMap.builder()
            .put("repoURL", repo.url())
            .put("targetRevision", repo.revision())
            .put("path", repo.generatedPath() + "/helm/" + app.name())
            .put(
                "helm",
                YamlMap.builder()
                    // The release name the chart and the overlays agree on.
                    .put("releaseName", app.name())
                    .put("valueFiles", YamlSeq.of(List.of(YamlScalar.string("values-" + env.name() + ".yaml"))))
                    .build())
            .build();
    return application(app, env, argo, "helm", source);
  }

  private static YamlMap application(Application app, Environment env, ArgoCd argo, String via, YamlMap source) {
    YamlMap.Builder destination = YamlMap.builder().put("server", IN_CLUSTER);
    env.namespace().ifPresent(ns -> destination.put("namespace", ns));
    YamlMap.Builder spec =
        YamlMap.builder().put("project", argo.project()).put("source", source).put("destination", destination.build());
    YamlMap.Builder syncPolicy = YamlMap.builder();
    if (argo.automatedSync()) {
      syncPolicy.put(
          "automated",
          YamlMap.builder().put("prune", YamlScalar.bool(true)).put("selfHeal", YamlScalar.bool(true)).build());
    }
    if (argo.createNamespace()) {
      syncPolicy.put("syncOptions", YamlSeq.of(List.of(YamlScalar.string("CreateNamespace=true"))));
    }
    if (argo.automatedSync() || argo.createNamespace()) {
      spec.put("syncPolicy", syncPolicy.build());
    }
    return YamlMap.builder()
        .put("apiVersion", "argoproj.io/v1alpha1")
        .put("kind", "Application")
        .put(
            "metadata",
            YamlMap.builder()
                .put("name", app.name() + "-" + env.name() + "-" + via)
                .put("namespace", argo.namespace())
                .build())
        .put("spec", spec.build())
        .build();
  }
}
