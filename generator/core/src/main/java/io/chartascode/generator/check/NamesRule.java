package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.Environment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names must be DNS labels. The application name is the chart name, the Service name (a DNS-1035
 * label, so it starts with a letter) and the release name that makes Helm's fullname equal the
 * Kustomize names; Helm caps release names at 53 characters, so the fullname stays within 63.
 * The app version becomes a label value, so it must be one.
 */
final class NamesRule implements Rule {
  static final String ID = "CAC-NAME-001";
  private static final int MAX_RELEASE_NAME = 53;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    label(app.name(), app.name(), MAX_RELEASE_NAME, findings);
    if (KubernetesNames.DNS_1123_LABEL.matcher(app.name()).matches()
        && !KubernetesNames.DNS_1035_LABEL.matcher(app.name()).matches()) {
      findings.add(finding(app.name(), "'" + app.name() + "' names the Service, so it must start with a letter (DNS-1035)"));
    }
    if (!KubernetesNames.isLabelValue(app.appVersion())) {
      findings.add(finding(app.name() + ".appVersion", "'" + app.appVersion()
          + "' is not a valid label value (app.kubernetes.io/version): at most 63 letters, digits, '-', '_' or '.',"
          + " starting and ending with a letter or digit"));
    }
    Set<String> containers = new HashSet<>();
    for (Container c : app.workload().allContainers()) {
      label(c.name(), ModelPaths.container(app, c) + ".name", KubernetesNames.MAX_LABEL, findings);
      if (!containers.add(c.name())) {
        findings.add(finding(ModelPaths.container(app, c), "two containers are named '" + c.name() + "'"));
      }
    }
    Set<String> envs = new HashSet<>();
    for (Environment env : app.environments()) {
      String path = app.name() + ".environments[" + env.name() + "]";
      label(env.name(), path + ".name", KubernetesNames.MAX_LABEL, findings);
      env.namespace().ifPresent(ns -> label(ns, path + ".namespace", KubernetesNames.MAX_LABEL, findings));
      if (!envs.add(env.name())) {
        findings.add(finding(path, "environment '" + env.name() + "' is defined twice"));
      }
    }
    return findings;
  }

  private void label(String value, String path, int max, List<Finding> findings) {
    if (!KubernetesNames.DNS_1123_LABEL.matcher(value).matches()) {
      findings.add(
          finding(
              path,
              "'" + value + "' is not a DNS-1123 label; use lower-case letters, digits and '-',"
                  + " starting and ending with a letter or digit"));
    } else if (value.length() > max) {
      findings.add(
          finding(path, "'" + value + "' has " + value.length() + " characters; at most " + max + " fit"));
    }
  }
}
