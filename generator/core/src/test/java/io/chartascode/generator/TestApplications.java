package io.chartascode.generator;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/** A small valid application for the core's tests. */
public final class TestApplications {
  private TestApplications() {}

  /** {@code shop}: one hardened container {@code ghcr.io/acme/shop:1.4.0}, a Service on port 80. */
  public static Application.Builder shop() {
    Container api = Container.builder("api")
        .image(new Image(Value.fixed("ghcr.io/acme"), Value.fixed("shop"), Value.fixed("1.4.0")))
        .port(ContainerPort.http(8080))
        .resources(new Resources(Value.fixed("100m"), Value.fixed("64Mi"), Value.fixed("500m"), Value.fixed("128Mi")))
        .securityContext(new SecurityContextBuilder().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
            .withNewCapabilities().withDrop("ALL").endCapabilities().build())
        .build();
    return Application.builder("shop")
        .workload(Workload.builder().replicas(Value.fixed(2)).container(api)
            .podSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(1000L).build())
            .build())
        .service(ServiceExposure.clusterIp(Value.fixed(80), "http"));
  }
}
