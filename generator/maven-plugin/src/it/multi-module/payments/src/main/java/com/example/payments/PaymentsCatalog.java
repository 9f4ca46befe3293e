package com.example.payments;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Autoscaling;
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

/** payments: always autoscaled (a fixed condition), between bounds that staging and prod set apart. */
public final class PaymentsCatalog implements Catalog {
  static final Parameter<Integer> MIN = Parameter.integer("autoscaling.minReplicas", 2).minimum(1).build();
  static final Parameter<Integer> MAX = Parameter.integer("autoscaling.maxReplicas", 6).minimum(1).build();

  @Override
  public List<Application> applications() {
    Workload workload =
        Workload.builder()
            .replicas(Value.fixed(2))
            .container(Container.builder("server")
                .image(new Image(Value.fixed("registry.example.com/pay"), Value.fixed("payments"), Value.fixed("2.0.1")))
                .port(ContainerPort.named("grpc", Value.fixed(9090)))
                .resources(new Resources(Value.fixed("250m"), Value.fixed("256Mi"), Value.fixed("1"), Value.fixed("512Mi")))
                .securityContext(new SecurityContextBuilder().withReadOnlyRootFilesystem(true)
                    .withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL").endCapabilities().build())
                .build())
            .podSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(2000L).build())
            .spreadAcrossNodes()
            .build();
    return List.of(
        Application.builder("payments")
            .parameters(MIN, MAX)
            .workload(workload)
            .service(ServiceExposure.clusterIp(Value.fixed(9090), "grpc"))
            .autoscaling(new Autoscaling(Value.fixed(true), Value.of(MIN), Value.of(MAX), Value.fixed(75)))
            .bound(MIN, MAX)
            .environment(Environment.builder("staging").namespace("payments-staging").set(MAX, 3).build())
            .environment(Environment.builder("prod").namespace("payments").set(MIN, 3).set(MAX, 12).build())
            .build());
  }
}
