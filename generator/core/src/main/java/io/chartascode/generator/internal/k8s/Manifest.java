package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  /** The parameters read while building, with their values; see {@link #agreesWith}. */
  private final Optional<Map<Parameter<?>, Object>> reads;
  private YamlNode tree;

  public Manifest(String fileStem, HasMetadata object, Optional<Value<Boolean>> condition, List<Slot> slots) {
    this(fileStem, object, condition, slots, Optional.empty(), null);
  }

  Manifest(
      String fileStem,
      HasMetadata object,
      Optional<Value<Boolean>> condition,
      List<Slot> slots,
      Optional<Map<Parameter<?>, Object>> reads,
      YamlNode tree) {
    this.fileStem = Objects.requireNonNull(fileStem, "fileStem");
    this.object = Objects.requireNonNull(object, "object");
    this.condition = Objects.requireNonNull(condition, "condition");
    this.slots = List.copyOf(slots);
    this.reads = reads.map(r -> Collections.unmodifiableMap(new HashMap<>(r)));
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

  /**
   * Whether {@code values} agree on every parameter the object and its condition were built from,
   * where that was recorded (objects built for one set of values): then they give the same object.
   */
  boolean agreesWith(ParameterValues values) {
    return reads.isPresent()
        && reads.get().entrySet().stream().allMatch(read -> Objects.equals(values.get(read.getKey()), read.getValue()));
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
