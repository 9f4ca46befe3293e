package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.ServiceSpec;

/** The Service in front of the pods, addressing each container port by name. */
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
    Service object = new Service();
    object.setMetadata(Part.metadata(b));
    ServiceSpec spec = new ServiceSpec();
    spec.setType(service.type());
    spec.setSelector(b.labels(LabelSet.SELECTOR));
    spec.setPorts(service.ports().stream()
        .map(port -> new ServicePortBuilder()
            .withName(port.targetPortName())
            .withPort(b.value(port.port()))
            .withTargetPort(new IntOrString(port.targetPortName()))
            .withProtocol("TCP")
            .build())
        .toList());
    object.setSpec(spec);
    return object;
  }
}
