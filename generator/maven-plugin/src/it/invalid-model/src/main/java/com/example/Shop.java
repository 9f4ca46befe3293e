package com.example;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.List;

/** The shop, valid: the state committed in generated/. */
public class Shop implements Catalog {
  static final Parameter<String> TAG = Parameter.string("tag", "3.0.0").forbiddenValues("latest").build();

  @Override
  public List<Application> applications() {
    return List.of(application(Environment.builder("prod").namespace("shop").build()));
  }

  static Application application(Environment environment) {
    Container web =
        Container.builder("web")
            .image(new Image(Value.fixed("ghcr.io/example"), Value.fixed("shop"), Value.of(TAG)))
            .port(ContainerPort.http(8080))
            .resources(new Resources(Value.fixed("100m"), Value.fixed("64Mi"), Value.fixed("200m"), Value.fixed("128Mi")))
            .securityContext(new SecurityContextBuilder().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities().build())
            .build();
    return Application.builder("shop")
        .parameters(TAG)
        .workload(Workload.builder().replicas(Value.fixed(2)).container(web)
            .podSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(1000L).build())
            .build())
        .service(ServiceExposure.clusterIp(Value.fixed(80), "http"))
        .environment(environment)
        .build();
  }
}
