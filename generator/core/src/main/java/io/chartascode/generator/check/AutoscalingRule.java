package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Autoscaling;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.Quantities;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The HPA can work: at least one replica, utilisation 1–100 %, and a non-zero CPU request,
 * because CPU utilisation is measured against the request.
 */
final class AutoscalingRule implements Rule {
  @Override
  public String id() {
    return "CAC-HPA-002";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    if (app.autoscaling().isEmpty()) {
      return findings;
    }
    Autoscaling hpa = app.autoscaling().get();
    String path = app.name() + ".autoscaling";
    for (Scenario s : Scenario.of(app)) {
      if (!hpa.enabled().evaluate(s.values())) {
        continue;
      }
      int min = hpa.minReplicas().evaluate(s.values());
      int max = hpa.maxReplicas().evaluate(s.values());
      int target = hpa.targetCpuUtilizationPercentage().evaluate(s.values());
      if (min < 1) {
        findings.add(finding(path + ".minReplicas", "minReplicas " + min + " " + s.description() + " must be at least 1"));
      }
      if (max < 1) {
        findings.add(finding(path + ".maxReplicas", "maxReplicas " + max + " " + s.description() + " must be at least 1"));
      }
      if (target < 1 || target > 100) {
        findings.add(finding(path + ".targetCPUUtilizationPercentage",
            "utilisation " + target + "% " + s.description() + " must be within 1–100"));
      }
      hpa.targetMemoryUtilizationPercentage().map(v -> v.evaluate(s.values())).filter(m -> m < 1 || m > 100)
          .ifPresent(m -> findings.add(finding(path + ".targetMemoryUtilizationPercentage",
              "utilisation " + m + "% " + s.description() + " must be within 1–100")));
      // Utilisation is measured against the pod's requests: every container needs one.
      for (Container c : app.workload().containers()) {
        String request = c.resources().cpuRequest().evaluate(s.values());
        if (Quantities.amount(request).map(a -> a.compareTo(BigDecimal.ZERO) == 0).orElse(false)) {
          findings.add(finding(ModelPaths.container(app, c) + ".resources.requests.cpu",
              "the autoscaler targets CPU utilisation, which needs a CPU request above 0 " + s.description()));
        }
        String memory = c.resources().memoryRequest().evaluate(s.values());
        if (hpa.targetMemoryUtilizationPercentage().isPresent()
            && Quantities.amount(memory).map(a -> a.compareTo(BigDecimal.ZERO) == 0).orElse(false)) {
          findings.add(finding(ModelPaths.container(app, c) + ".resources.requests.memory",
              "the autoscaler targets memory utilisation, which needs a memory request above 0 " + s.description()));
        }
      }
    }
    return findings;
  }
}
