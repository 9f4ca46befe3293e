package com.example;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ChartChange;
import io.chartascode.generator.model.ChartMetadata;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.HttpProbe;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.Maintainer;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.List;

/** shop: the chart this project publishes. */
public final class ShopCatalog implements Catalog {
  static final Parameter<String> TAG = Parameter.string("tag", "1.4.0").build();
  static final Parameter<Integer> REPLICAS = Parameter.integer("replicaCount", 2).minimum(1).build();

  @Override
  public List<Application> applications() {
    Container api =
        Container.builder("api")
            .image(new Image(Value.fixed("ghcr.io/example"), Value.fixed("shop"), Value.of(TAG)))
            .port(ContainerPort.http(8080))
            .resources(new Resources(Value.fixed("100m"), Value.fixed("128Mi"), Value.fixed("500m"), Value.fixed("256Mi")))
            .readiness(HttpProbe.get("/ready", "http"))
            .securityContext(new SecurityContextBuilder().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities().build())
            .build();
    return List.of(
        Application.builder("shop")
            .description("The shop's API.")
            .chartVersion("1.0.0")
            .appVersion("1.4.0")
            .parameters(TAG, REPLICAS)
            .workload(Workload.builder().replicas(Value.of(REPLICAS)).container(api)
                .podSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(1000L).build())
                .build())
            .service(ServiceExposure.clusterIp(Value.fixed(80), "http"))
            .environment(Environment.builder("prod").namespace("shop").set(REPLICAS, 4).build())
            .chartMetadata(ChartMetadata.builder()
                .home("https://example.com/shop")
                .maintainer(Maintainer.of("example-dev"))
                .change(ChartChange.added("First release"))
                .build())
            .build());
  }
}
