package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One built Kubernetes object, the file stem it is written to ({@code deployment}), the condition
 * under which it exists, and the slots its template needs. Its {@link #tree} is converted once:
 * the renderers read each object several times, and the object is not changed once built.
 */
public final class Manifest {
  private final String fileStem;
  private final HasMetadata object;
  private final Optional<Value<Boolean>> condition;
  private final List<Slot> slots;
  private YamlNode tree;

  public Manifest(String fileStem, HasMetadata object, Optional<Value<Boolean>> condition, List<Slot> slots) {
    this(fileStem, object, condition, slots, null);
  }

  Manifest(String fileStem, HasMetadata object, Optional<Value<Boolean>> condition, List<Slot> slots, YamlNode tree) {
    this.fileStem = Objects.requireNonNull(fileStem, "fileStem");
    this.object = Objects.requireNonNull(object, "object");
    this.condition = Objects.requireNonNull(condition, "condition");
    this.slots = List.copyOf(slots);
    this.tree = tree;
  }

  public String fileStem() {
    return fileStem;
  }

  public HasMetadata object() {
    return object;
  }

  public Optional<Value<Boolean>> condition() {
    return condition;
  }

  public List<Slot> slots() {
    return slots;
  }

  public String kind() {
    return object.getKind();
  }

  /** The object as a tree, in fabric8's field order ({@link ManifestTrees#toYaml}). */
  public YamlNode tree() {
    if (tree == null) {
      tree = ManifestTrees.toYaml(object);
    }
    return tree;
  }

  @Override
  public String toString() {
    return "Manifest[" + fileStem + ": " + kind() + "]";
  }
}
