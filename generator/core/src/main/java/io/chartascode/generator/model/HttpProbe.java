package io.chartascode.generator.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.util.Optional;

/**
 * The common probe in one line: an HTTP GET against a named container port, with Kubernetes'
 * default timings. Anything else (TCP, exec, gRPC, timings) is a fabric8 {@link Probe}.
 */
public record HttpProbe(String path, String portName) {

  public static HttpProbe get(String path, String portName) {
    return new HttpProbe(path, portName);
  }

  /** The probe as Kubernetes writes it. */
  public Probe toProbe() {
    return new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString(portName)).endHttpGet().build();
  }

  /** The shorthand for {@code probe}, if it is exactly one: for the importer's source. */
  public static Optional<HttpProbe> of(Probe probe) {
    var get = probe.getHttpGet();
    if (get == null || get.getPort() == null || get.getPort().getStrVal() == null || get.getPath() == null) {
      return Optional.empty();
    }
    HttpProbe shorthand = new HttpProbe(get.getPath(), get.getPort().getStrVal());
    return shorthand.toProbe().equals(probe) ? Optional.of(shorthand) : Optional.empty();
  }
}
