package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.ServiceExposure;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Ports are 1–65535; port names are IANA service names (at most 15 characters, lower case, at
 * least one letter, no leading, trailing or doubled hyphen) and unique in the pod; the Service
 * targets a port of some container, and each probe a port of its own container.
 */
final class PortsRule implements Rule {
  private static final Pattern IANA_SVC_NAME = Pattern.compile("(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?!-))*(?<!-)");

  @Override
  public String id() {
    return "CAC-PORT-001";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    Set<String> podPorts = new HashSet<>();
    for (Container c : app.workload().allContainers()) {
      String container = ModelPaths.container(app, c);
      Set<String> names = new HashSet<>();
      for (ContainerPort port : c.ports()) {
        String path = container + ".ports[" + port.name() + "]";
        if (!IANA_SVC_NAME.matcher(port.name()).matches() || port.name().length() > 15) {
          findings.add(finding(path + ".name", "'" + port.name() + "' is not an IANA service name:"
              + " at most 15 lower-case letters, digits and single hyphens, with at least one letter"));
        }
        if (!podPorts.add(port.name())) {
          findings.add(finding(path + ".name", "port name '" + port.name() + "' is used twice in the pod"));
        }
        names.add(port.name());
        for (Scenario s : Scenario.of(app)) {
          range(path + ".containerPort", port.port().evaluate(s.values()), s, findings);
        }
      }
      probe(container + ".livenessProbe", c.liveness(), names, findings);
      probe(container + ".readinessProbe", c.readiness(), names, findings);
      probe(container + ".startupProbe", c.startup(), names, findings);
    }
    for (Scenario s : Scenario.of(app)) {
      Set<Integer> numbers = new HashSet<>();
      for (ServiceExposure.Port port : app.service().ports()) {
        int number = port.port().evaluate(s.values());
        if (!numbers.add(number)) {
          findings.add(finding(app.name() + ".service.ports", "port " + number + " " + s.description()
              + " is used by two Service ports; give each its own"));
        }
      }
    }
    Set<String> targets = new HashSet<>();
    for (int i = 0; i < app.service().ports().size(); i++) {
      ServiceExposure.Port port = app.service().ports().get(i);
      String path = app.name() + ".service" + (i == 0 ? "" : ".ports[" + i + "]");
      for (Scenario s : Scenario.of(app)) {
        range(path + ".port", port.port().evaluate(s.values()), s, findings);
      }
      resolves(path + ".targetPort", port.targetPortName(), podPorts, findings);
      if (!targets.add(port.targetPortName())) {
        findings.add(finding(path + ".targetPort", "'" + port.targetPortName() + "' is targeted twice; each Service"
            + " port is named after its target, so names would clash"));
      }
    }
    return findings;
  }

  private void range(String path, int port, Scenario s, List<Finding> findings) {
    if (port < 1 || port > 65535) {
      findings.add(finding(path, "port " + port + " " + s.description() + " is outside 1–65535"));
    }
  }

  /** A probe's port: a name of its container's ports, or a number in range. */
  private void probe(String path, Optional<Probe> probe, Set<String> names, List<Finding> findings) {
    probe.ifPresent(p -> {
      if (p.getHttpGet() != null) {
        port(path + ".httpGet.port", p.getHttpGet().getPort(), names, findings);
      }
      if (p.getTcpSocket() != null) {
        port(path + ".tcpSocket.port", p.getTcpSocket().getPort(), names, findings);
      }
      if (p.getGrpc() != null && p.getGrpc().getPort() != null && (p.getGrpc().getPort() < 1 || p.getGrpc().getPort() > 65535)) {
        findings.add(finding(path + ".grpc.port", "port " + p.getGrpc().getPort() + " is outside 1–65535"));
      }
    });
  }

  private void port(String path, IntOrString port, Set<String> names, List<Finding> findings) {
    if (port == null) {
      findings.add(finding(path, "is missing; name a container port"));
    } else if (port.getStrVal() != null) {
      resolves(path, port.getStrVal(), names, findings);
    } else if (port.getIntVal() == null || port.getIntVal() < 1 || port.getIntVal() > 65535) {
      findings.add(finding(path, "port " + port.getIntVal() + " is outside 1–65535"));
    }
  }

  private void resolves(String path, String name, Set<String> names, List<Finding> findings) {
    if (!names.contains(name)) {
      findings.add(finding(path, "'" + name + "' names no container port; there are " + new TreeSet<>(names)));
    }
  }
}
