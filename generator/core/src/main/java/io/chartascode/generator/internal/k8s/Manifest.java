package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * One built Kubernetes object, the file stem it is written to ({@code deployment}), the condition
 * under which it exists, and the slots its template needs.
 */
public record Manifest(
    String fileStem, HasMetadata object, Optional<Value<Boolean>> condition, List<Slot> slots) {

  public Manifest {
    slots = List.copyOf(slots);
  }

  public String kind() {
    return object.getKind();
  }
}
