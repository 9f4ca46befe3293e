package io.chartascode.generator.check;

import io.chartascode.generator.internal.k8s.Labels;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Workload;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * The pod's settings are what the API server accepts: node selector labels, Secret and
 * PriorityClass names, a grace period of at least 0, and a rollout strategy that can make progress
 * (RollingUpdate or Recreate; not both maxSurge and maxUnavailable 0; no rollingUpdate with Recreate),
 * pod and ServiceAccount annotation keys that are qualified names, and extra pod and object labels
 * that are labels and not the application's own.
 */
final class PodRule implements Rule {

  @Override
  public String id() {
    return "CAC-POD-001";
  }

  @Override
  public List<Finding> check(Application app) {
    Workload w = app.workload();
    String pod = ModelPaths.pod(app);
    List<Finding> findings = new ArrayList<>();
    w.nodeSelector().forEach((key, value) -> {
      if (!KubernetesNames.isLabelKey(key)) {
        findings.add(finding(pod + ".nodeSelector", "'" + key + "' is not a label key"));
      }
      if (!KubernetesNames.isLabelValue(value)) {
        findings.add(finding(pod + ".nodeSelector[" + key + "]", "'" + value + "' is not a label value"));
      }
    });
    for (String secret : w.imagePullSecrets()) {
      if (!KubernetesNames.isObjectName(secret)) {
        findings.add(finding(pod + ".imagePullSecrets", "'" + secret + "' is not a Secret name (a DNS-1123 subdomain)"));
      }
    }
    w.priorityClassName().filter(name -> !KubernetesNames.isObjectName(name)).ifPresent(name ->
        findings.add(finding(pod + ".priorityClassName", "'" + name + "' is not a PriorityClass name (a DNS-1123 subdomain)")));
    w.terminationGracePeriodSeconds().filter(seconds -> seconds < 0).ifPresent(seconds ->
        findings.add(finding(pod + ".terminationGracePeriodSeconds", "is " + seconds + "; it must be at least 0")));
    w.strategy().ifPresent(strategy -> strategy(app.name() + ".deployment.strategy", strategy, findings));
    w.podAnnotations().ifPresent(p -> annotationKeys(this, app, p, findings));
    app.serviceAccountAnnotations().ifPresent(p -> annotationKeys(this, app, p, findings));
    w.podLabels().ifPresent(p -> extraLabels(app, p, findings));
    app.labels().ifPresent(p -> extraLabels(app, p, findings));
    for (Container init : w.initContainers()) {
      // Kubernetes refuses probes and hooks on a container that runs to completion.
      if (init.liveness().isPresent() || init.readiness().isPresent() || init.startup().isPresent()
          || init.lifecycle().isPresent()) {
        findings.add(finding(ModelPaths.container(app, init), "is an init container, which runs to completion;"
            + " it cannot have probes or lifecycle hooks"));
      }
    }
    return findings;
  }

  /**
   * Annotation keys have the syntax of label keys, by default and in every environment; {@code
   * rule} reports them (the Ingress's are CAC-ROUTE-006's).
   */
  /** Extra pod and object labels are labels, and leave the application's own to the generator. */
  private void extraLabels(Application app, Parameter<SortedMap<String, String>> labels, List<Finding> findings) {
    String path = app.name() + ".parameters[" + labels.name() + "]";
    Set<String> reported = new HashSet<>(); // once, where the label first appears
    for (Scenario s : Scenario.of(app)) {
      s.values().get(labels).forEach((key, value) -> {
        if (!reported.add(key + "=" + value)) {
          return;
        }
        if (!KubernetesNames.isLabelKey(key)) {
          findings.add(finding(path, "label key '" + key + "' " + s.description() + " is not a qualified name"));
        } else if (Labels.RESERVED.contains(key)) {
          findings.add(finding(path, "label '" + key + "' " + s.description() + " is the application's own;"
              + " the generator and Helm set it, so it cannot be an extra label"));
        }
        if (!KubernetesNames.isLabelValue(value)) {
          findings.add(finding(path, "label '" + key + "' " + s.description() + " has value '" + value
              + "', which is no label value (at most 63 letters, digits, '-', '_' or '.', starting and ending with a"
              + " letter or digit)"));
        }
      });
    }
  }

  static void annotationKeys(
      Rule rule, Application app, Parameter<SortedMap<String, String>> annotations, List<Finding> findings) {
    Set<String> reported = new HashSet<>(); // once, where the key first appears
    for (Scenario s : Scenario.of(app)) {
      for (String key : s.values().get(annotations).keySet()) {
        if (!KubernetesNames.isLabelKey(key) && reported.add(key)) {
          findings.add(rule.finding(app.name() + ".parameters[" + annotations.name() + "]", "annotation key '" + key + "' "
              + s.description() + " is not a qualified name: an optional DNS subdomain and '/', then at most 63"
              + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit"));
        }
      }
    }
  }

  private void strategy(String path, DeploymentStrategy strategy, List<Finding> findings) {
    String type = strategy.getType() == null ? "RollingUpdate" : strategy.getType();
    if (!type.equals("RollingUpdate") && !type.equals("Recreate")) {
      findings.add(finding(path + ".type", "'" + type + "' is neither RollingUpdate nor Recreate"));
      return;
    }
    var rolling = strategy.getRollingUpdate();
    if (type.equals("Recreate") && rolling != null) {
      findings.add(finding(path + ".rollingUpdate", "is set with type Recreate; remove it"));
    }
    if (rolling != null && isZero(rolling.getMaxSurge()) && isZero(rolling.getMaxUnavailable())) {
      findings.add(finding(path + ".rollingUpdate", "has maxSurge and maxUnavailable both 0, so a rollout never progresses"));
    }
  }

  private static boolean isZero(IntOrString value) {
    return value != null && (Integer.valueOf(0).equals(value.getIntVal()) || "0%".equals(value.getStrVal()));
  }
}
