package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.OptOut;
import java.util.List;

/** Pods run as a non-root user: {@code runAsNonRoot: true} and a non-zero {@code runAsUser}. */
final class RunAsNonRootRule implements Rule {
  @Override
  public String id() {
    return "CAC-SEC-001";
  }

  @Override
  public List<Finding> check(Application app) {
    var pod = app.workload().podSecurityContext();
    if (app.optOuts().containsKey(OptOut.RUN_AS_ROOT)) {
      return List.of();
    }
    if (!Boolean.TRUE.equals(pod.getRunAsNonRoot())) {
      return List.of(finding(ModelPaths.pod(app) + ".securityContext.runAsNonRoot",
          "is " + pod.getRunAsNonRoot() + "; set it to true, or optOut(RUN_AS_ROOT, reason)"));
    }
    if (pod.getRunAsUser() != null && pod.getRunAsUser() == 0) {
      return List.of(finding(ModelPaths.pod(app) + ".securityContext.runAsUser",
          "is 0 (root) while runAsNonRoot is true; the pod would never start"));
    }
    return List.of();
  }
}
