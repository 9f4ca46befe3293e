package io.chartascode.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Service in front of the pods: a type and one or more ports, each targeting a named container
 * port. The first port is the application's (NOTES.txt and {@code helm test} use it). Each Service
 * port is named after the container port it targets.
 */
public record ServiceExposure(String type, List<Port> ports) {

  /** A Service port and the named container port it forwards to. */
  public record Port(Value<Integer> port, String targetPortName) {
    public Port {
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(targetPortName, "targetPortName");
    }
  }

  public ServiceExposure {
    Objects.requireNonNull(type, "type");
    ports = List.copyOf(ports);
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("a Service needs at least one port");
    }
  }

  /** A Service of {@code type} with one port. */
  public ServiceExposure(String type, Value<Integer> port, String targetPortName) {
    this(type, List.of(new Port(port, targetPortName)));
  }

  public static ServiceExposure clusterIp(Value<Integer> port, String targetPortName) {
    return new ServiceExposure("ClusterIP", port, targetPortName);
  }

  /** The same Service with one more port, e.g. for metrics or gRPC beside HTTP. */
  public ServiceExposure withPort(Value<Integer> port, String targetPortName) {
    List<Port> more = new ArrayList<>(ports);
    more.add(new Port(port, targetPortName));
    return new ServiceExposure(type, more);
  }

  /** The first port's number: the application's. */
  public Value<Integer> port() {
    return ports.get(0).port();
  }

  /** The container port the first Service port targets. */
  public String targetPortName() {
    return ports.get(0).targetPortName();
  }
}
