package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/** The pods' own identity, so they never run as the namespace's {@code default} account. */
final class ServiceAccountPart implements Part {
  @Override
  public String stem() {
    return "serviceaccount";
  }

  @Override
  public boolean appliesTo(Application app) {
    return true;
  }

  @Override
  public HasMetadata build(Application app, Binder b) {
    var metadata = Part.metadata(b);
    app.serviceAccountAnnotations().ifPresent(annotations -> metadata.setAnnotations(b.map(annotations)));
    return new ServiceAccountBuilder()
        .withMetadata(metadata)
        // The pods never call the API server, so no token is mounted at all.
        .withAutomountServiceAccountToken(false)
        .build();
  }
}
