package io.chartascode.generator.check;

import io.chartascode.generator.internal.k8s.Backends;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ServiceExposure;
import java.util.ArrayList;
import java.util.List;

/** Every Ingress path and HTTPRoute rule sends its requests to a port the Service has. */
final class BackendPortsRule implements Rule {
  @Override
  public String id() {
    return "CAC-ROUTE-004";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    List<String> ports = app.service().ports().stream().map(ServiceExposure.Port::targetPortName).toList();
    for (Routes.Backend backend : Routes.backends(app)) {
      if (Backends.port(app, backend.servicePort()).isEmpty()) {
        findings.add(finding(backend.path(), "'" + backend.servicePort().orElseThrow() + "' names no port of the Service;"
            + " its ports are " + ports + " (each named after the container port it targets)"));
      }
    }
    return findings;
  }
}
