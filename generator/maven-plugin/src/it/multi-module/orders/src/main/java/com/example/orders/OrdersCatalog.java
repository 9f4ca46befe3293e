package com.example.orders;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.HttpProbe;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.nio.file.Path;
import java.util.List;

/**
 * orders: a fixed number of replicas, raised in prod, and its settings from a file the module keeps
 * outside src/main (config/, as some teams do), mounted where the API reads it.
 */
public final class OrdersCatalog implements Catalog {
  static final Configuration SETTINGS = Configuration.builder("settings").file(Path.of("config/orders.properties")).build();

  static final Parameter<String> TAG = Parameter.string("tag", "1.4.0").build();
  static final Parameter<Integer> REPLICAS = Parameter.integer("replicaCount", 2).minimum(1).build();

  @Override
  public List<Application> applications() {
    Container api =
        Container.builder("api")
            .image(new Image(Value.fixed("ghcr.io/example"), Value.fixed("orders"), Value.of(TAG)))
            .port(ContainerPort.http(8080))
            .resources(new Resources(Value.fixed("100m"), Value.fixed("128Mi"), Value.fixed("500m"), Value.fixed("256Mi")))
            .readiness(HttpProbe.get("/ready", "http"))
            .mountReadOnly("settings", "/etc/orders")
            .securityContext(new SecurityContextBuilder().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities().build())
            .build();
    return List.of(
        Application.builder("orders")
            .parameters(TAG, REPLICAS)
            .workload(Workload.builder().replicas(Value.of(REPLICAS)).container(api)
                .volume("settings", SETTINGS, "orders.properties")
                .podSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(1000L).build())
                .build())
            .service(ServiceExposure.clusterIp(Value.fixed(80), "http"))
            .environment(Environment.builder("prod").namespace("orders").set(REPLICAS, 4).build())
            .build());
  }
}
