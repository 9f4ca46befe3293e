package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Probes and lifecycle hooks are what the API server accepts: one handler each (HTTP GET, TCP, exec,
 * gRPC; for hooks HTTP GET, exec or sleep), an exec with a command, timings of at least 1 (the
 * initial delay at least 0), and a success threshold of 1 for liveness and startup probes. The
 * probes' ports are CAC-PORT-001's.
 */
final class ProbesRule extends ContainerRule {
  @Override
  public String id() {
    return "CAC-PROBE-001";
  }

  @Override
  List<Finding> check(Application app, Container c, String at) {
    List<Finding> findings = new ArrayList<>();
    probe(at + ".livenessProbe", c.liveness(), true, findings);
    probe(at + ".readinessProbe", c.readiness(), false, findings);
    probe(at + ".startupProbe", c.startup(), true, findings);
    c.lifecycle().ifPresent(lifecycle -> {
      hook(at + ".lifecycle.postStart", lifecycle.getPostStart(), findings);
      hook(at + ".lifecycle.preStop", lifecycle.getPreStop(), findings);
    });
    return findings;
  }

  private void probe(String path, Optional<Probe> probe, boolean oneSuccess, List<Finding> findings) {
    if (probe.isEmpty()) {
      return;
    }
    Probe p = probe.get();
    long handlers = Stream.of(p.getHttpGet(), p.getTcpSocket(), p.getExec(), p.getGrpc()).filter(h -> h != null).count();
    if (handlers != 1) {
      findings.add(finding(path, "has " + handlers + " handlers; give exactly one of httpGet, tcpSocket, exec and grpc"));
    }
    if (p.getExec() != null && (p.getExec().getCommand() == null || p.getExec().getCommand().isEmpty())) {
      findings.add(finding(path + ".exec.command", "is empty; give the command to run"));
    }
    atLeast(path + ".initialDelaySeconds", p.getInitialDelaySeconds(), 0, findings);
    atLeast(path + ".periodSeconds", p.getPeriodSeconds(), 1, findings);
    atLeast(path + ".timeoutSeconds", p.getTimeoutSeconds(), 1, findings);
    atLeast(path + ".failureThreshold", p.getFailureThreshold(), 1, findings);
    atLeast(path + ".successThreshold", p.getSuccessThreshold(), 1, findings);
    if (oneSuccess && p.getSuccessThreshold() != null && p.getSuccessThreshold() != 1) {
      findings.add(finding(path + ".successThreshold", "is " + p.getSuccessThreshold()
          + "; Kubernetes requires 1 for liveness and startup probes"));
    }
  }

  private void hook(String path, LifecycleHandler handler, List<Finding> findings) {
    if (handler == null) {
      return;
    }
    long handlers = Stream.of(handler.getHttpGet(), handler.getTcpSocket(), handler.getExec(), handler.getSleep())
        .filter(h -> h != null).count();
    if (handlers != 1) {
      findings.add(finding(path, "has " + handlers + " handlers; give exactly one of httpGet, exec and sleep"));
    }
    if (handler.getExec() != null && (handler.getExec().getCommand() == null || handler.getExec().getCommand().isEmpty())) {
      findings.add(finding(path + ".exec.command", "is empty; give the command to run"));
    }
    if (handler.getSleep() != null) {
      atLeast(path + ".sleep.seconds", handler.getSleep().getSeconds(), 1, findings);
    }
  }

  private void atLeast(String path, Number value, long minimum, List<Finding> findings) {
    if (value != null && value.longValue() < minimum) {
      findings.add(finding(path, "is " + value + "; it must be at least " + minimum));
    }
  }
}
