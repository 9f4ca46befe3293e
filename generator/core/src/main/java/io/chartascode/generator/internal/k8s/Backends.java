package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ServiceExposure;
import java.util.Optional;

/** The Service port an Ingress path or an HTTPRoute rule sends its requests to. */
public final class Backends {
  private Backends() {}

  /**
   * The port named {@code name} (Service ports are named after the container port they target),
   * or the first, the application's, when no name is given; empty when no port has that name.
   */
  public static Optional<ServiceExposure.Port> port(Application app, Optional<String> name) {
    if (name.isEmpty()) {
      return Optional.of(app.service().ports().get(0));
    }
    return app.service().ports().stream().filter(p -> p.targetPortName().equals(name.get())).findFirst();
  }
}
