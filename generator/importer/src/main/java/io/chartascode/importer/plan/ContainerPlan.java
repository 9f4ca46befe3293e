package io.chartascode.importer.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One container of the imported workload.
 *
 * @param env variables set one by one, in input order, before {@code extraEnv}
 * @param extraEnv the map parameter holding the variables that follow in name order
 * @param envFrom the ConfigMaps and Secrets whose every key is a variable
 * @param liveness a probe (also {@code readiness}, {@code startup}): the part builder code can
 *     express, with a numbered port written as the container port's name
 * @param lifecycle the container's hooks, as builder code can express them
 * @param securityContext the part of the input's security context that builder code can express
 * @param mounts the mounts that are not writable directories (a plain mount of an empty emptyDir)
 */
public record ContainerPlan(
    String name,
    ValuePlan hub,
    ValuePlan image,
    ValuePlan tag,
    ValuePlan pullPolicy,
    List<Port> ports,
    List<Env> env,
    Optional<ParameterPlan> extraEnv,
    List<KeySourcePlan.EnvFrom> envFrom,
    ValuePlan cpuRequest,
    ValuePlan memoryRequest,
    ValuePlan cpuLimit,
    ValuePlan memoryLimit,
    Optional<ObjectNode> liveness,
    Optional<ObjectNode> readiness,
    Optional<ObjectNode> startup,
    Optional<ObjectNode> lifecycle,
    List<String> command,
    List<String> args,
    ObjectNode securityContext,
    List<String> writableDirectories,
    List<ObjectNode> mounts) {

  public ContainerPlan {
    command = List.copyOf(command);
    args = List.copyOf(args);
    ports = List.copyOf(ports);
    env = List.copyOf(env);
    envFrom = List.copyOf(envFrom);
    writableDirectories = List.copyOf(writableDirectories);
    mounts = List.copyOf(mounts);
  }

  /** A named container port. */
  public record Port(String name, int number) {}

  /**
   * A variable with its own value, one key of a ConfigMap or Secret of the model, or one the
   * kubelet fills in from {@code source} ({@code valueFrom}).
   */
  public record Env(String name, Optional<ValuePlan> value, Optional<KeySourcePlan.KeyRef> key, Optional<ObjectNode> source) {
    public static Env of(String name, ValuePlan value) {
      return new Env(name, Optional.of(value), Optional.empty(), Optional.empty());
    }

    public static Env fromKey(String name, KeySourcePlan.KeyRef key) {
      return new Env(name, Optional.empty(), Optional.of(key), Optional.empty());
    }

    public static Env from(String name, ObjectNode source) {
      return new Env(name, Optional.empty(), Optional.empty(), Optional.of(source));
    }
  }
}
