package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import java.util.ArrayList;
import java.util.List;

/**
 * Every hostname of the Ingress (rules and TLS) and the HTTPRoute is one the API server accepts,
 * by default and in every environment: lower-case RFC 1123 labels, a wildcard only as the whole
 * first label, no IP address.
 */
final class HostnamesRule implements Rule {
  @Override
  public String id() {
    return "CAC-ROUTE-001";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    List<Scenario> scenarios = Scenario.of(app);
    for (Routes.Field host : Routes.hostnames(app)) {
      Routes.refused(host, scenarios, KubernetesNames::isHostname, (value, s) ->
          findings.add(finding(host.path(), Values.show(value) + " " + s.description() + " is not a hostname:"
              + " lower-case RFC 1123 labels of at most 63 letters, digits and '-', 253 characters in all, no IP"
              + " address; a wildcard only as the whole first label, as in *.example.com")));
    }
    return findings;
  }
}
