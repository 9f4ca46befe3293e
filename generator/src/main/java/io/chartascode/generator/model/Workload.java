package io.chartascode.generator.model;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The Deployment: how many pods, where they may run, and the one container they hold. */
public final class Workload {
  private final Value<Integer> replicas;
  private final Container container;
  private final PodSecurityContext podSecurityContext;
  private final List<Toleration> tolerations;
  private final boolean spreadAcrossNodes;

  private Workload(Builder b) {
    this.replicas = Objects.requireNonNull(b.replicas, "replicas");
    this.container = Objects.requireNonNull(b.container, "container");
    this.podSecurityContext = Objects.requireNonNull(b.podSecurityContext, "podSecurityContext");
    this.tolerations = List.copyOf(b.tolerations);
    this.spreadAcrossNodes = b.spreadAcrossNodes;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.replicas = replicas;
    b.container = container;
    b.podSecurityContext = podSecurityContext;
    b.tolerations.addAll(tolerations);
    b.spreadAcrossNodes = spreadAcrossNodes;
    return b;
  }

  /** Replicas while autoscaling is off. */
  public Value<Integer> replicas() {
    return replicas;
  }

  public Container container() {
    return container;
  }

  public PodSecurityContext podSecurityContext() {
    return podSecurityContext;
  }

  /** Default: none. */
  public List<Toleration> tolerations() {
    return tolerations;
  }

  /**
   * Whether pods prefer distinct nodes: preferred pod anti-affinity on the hostname plus a
   * topology spread with {@code ScheduleAnyway}, so that more pods than nodes still schedule.
   * Default: false.
   */
  public boolean spreadAcrossNodes() {
    return spreadAcrossNodes;
  }

  /** Builds a {@link Workload}. */
  public static final class Builder {
    private Value<Integer> replicas;
    private Container container;
    private PodSecurityContext podSecurityContext;
    private final List<Toleration> tolerations = new ArrayList<>();
    private boolean spreadAcrossNodes;

    private Builder() {}

    public Builder replicas(Value<Integer> replicas) {
      this.replicas = replicas;
      return this;
    }

    public Builder container(Container container) {
      this.container = container;
      return this;
    }

    public Builder podSecurityContext(PodSecurityContext podSecurityContext) {
      this.podSecurityContext = podSecurityContext;
      return this;
    }

    public Builder toleration(Toleration toleration) {
      this.tolerations.add(toleration);
      return this;
    }

    public Builder spreadAcrossNodes(boolean spread) {
      this.spreadAcrossNodes = spread;
      return this;
    }

    public Workload build() {
      return new Workload(this);
    }
  }
}
