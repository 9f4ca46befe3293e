package io.chartascode.generator.check;

import io.chartascode.generator.internal.RouteClaims;
import io.chartascode.generator.model.Application;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * No two routes claim the same requests: among the Ingress's paths and the HTTPRoute's matches
 * that are enabled together, by default and in every environment, no two have the same host, path,
 * kind of path and headers. Two controllers (or two rules of one) would each take the requests,
 * and which one answers depends on the cluster, not on the model.
 */
final class RouteConflictsRule implements Rule {
  @Override
  public String id() {
    return "CAC-ROUTE-005";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    List<RouteClaims.Claim> claims = RouteClaims.of(app);
    for (Scenario s : Scenario.of(app)) {
      Map<String, RouteClaims.Claim> seen = new HashMap<>();
      for (RouteClaims.Claim claim : claims) {
        if (!claim.enabled().evaluate(s.values())) {
          continue;
        }
        String host = claim.host().map(h -> h.evaluate(s.values())).orElse("every host");
        String what = "host " + host + ", " + claim.pathType() + " path " + claim.value().evaluate(s.values())
            + headers(claim, s);
        RouteClaims.Claim earlier = seen.putIfAbsent(what, claim);
        if (earlier != null && !earlier.path().equals(claim.path())) {
          findings.add(finding(claim.path(), "claims " + what + " " + s.description() + ", as " + earlier.path()
              + " does; " + RouteClaims.HOW_TO_FIX + " there"));
        }
      }
    }
    return findings.stream().distinct().toList();
  }

  private static String headers(RouteClaims.Claim claim, Scenario s) {
    Map<String, String> sorted = new TreeMap<>();
    claim.headersByName().forEach((name, h) -> sorted.put(name, h.type().kubernetesName() + " " + h.value().evaluate(s.values())));
    return sorted.isEmpty() ? "" : ", headers " + sorted;
  }
}
