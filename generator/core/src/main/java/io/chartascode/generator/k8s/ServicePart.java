package io.chartascode.generator.k8s;

import io.chartascode.generator.model.Application;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The Service in front of the pods, addressing the container port by name. */
final class ServicePart implements Part {
  @Override
  public String stem() {
    return "service";
  }

  @Override
  public boolean appliesTo(Application app) {
    return true;
  }

  @Override
  public HasMetadata build(Application app, Binder b) {
    var service = app.service();
    return new ServiceBuilder()
        .withMetadata(Part.metadata(b))
        .withNewSpec()
        .withType(service.type())
        .withSelector(b.labels(LabelSet.SELECTOR))
        .addNewPort()
        .withName(service.targetPortName())
        .withPort(b.value(service.port()))
        .withTargetPort(new IntOrString(service.targetPortName()))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }
}
