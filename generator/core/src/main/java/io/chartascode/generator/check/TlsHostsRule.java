package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Ingress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every TLS host of the Ingress is served by one of its rules, by default and in every environment:
 * the same host, or a rule's wildcard that matches it ({@code *.example.com} serves {@code
 * a.example.com}). A certificate for a host no rule serves protects nothing, and usually means a
 * host was changed in one place only.
 */
final class TlsHostsRule implements Rule {
  @Override
  public String id() {
    return "CAC-ROUTE-003";
  }

  @Override
  public List<Finding> check(Application app) {
    if (app.ingress().isEmpty()) {
      return List.of();
    }
    Ingress ingress = app.ingress().get();
    List<Finding> findings = new ArrayList<>();
    Set<String> reported = new HashSet<>(); // a host once, where it first goes unserved
    for (Scenario s : Scenario.of(app)) {
      List<String> ruleHosts = ingress.rules().stream().map(r -> r.host().evaluate(s.values())).toList();
      for (int i = 0; i < ingress.tls().size(); i++) {
        List<String> tlsHosts = ingress.tls().get(i).hosts().stream().map(h -> h.evaluate(s.values())).toList();
        for (int j = 0; j < tlsHosts.size(); j++) {
          String host = tlsHosts.get(j);
          String path = Routes.ingress(app) + ".tls[" + i + "].hosts[" + j + "]";
          if (ruleHosts.stream().noneMatch(rule -> serves(rule, host)) && reported.add(path + " " + host)) {
            findings.add(finding(path, Values.show(host) + " "
                + s.description() + " is served by no rule of the Ingress (its hosts are " + ruleHosts
                + "); use the rule's host value for both, or add a rule for it"));
          }
        }
      }
    }
    return findings;
  }

  /** Whether a rule for {@code ruleHost} serves {@code host}; a wildcard stands for exactly one label. */
  static boolean serves(String ruleHost, String host) {
    if (ruleHost.equals(host)) {
      return true;
    }
    if (!ruleHost.startsWith("*.") || !host.endsWith(ruleHost.substring(1))) {
      return false;
    }
    String label = host.substring(0, host.length() - ruleHost.length() + 1);
    return !label.isEmpty() && !label.contains(".") && !label.equals("*");
  }
}
