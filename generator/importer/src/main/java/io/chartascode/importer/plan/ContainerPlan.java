package io.chartascode.importer.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.generator.model.HttpProbe;
import java.util.List;
import java.util.Optional;

/**
 * One container of the imported workload.
 *
 * @param env variables set one by one, in input order, before {@code extraEnv}
 * @param extraEnv the map parameter holding the variables that follow in name order
 * @param securityContext the part of the input's security context that builder code can express
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
    ValuePlan cpuRequest,
    ValuePlan memoryRequest,
    ValuePlan cpuLimit,
    ValuePlan memoryLimit,
    Optional<HttpProbe> liveness,
    Optional<HttpProbe> readiness,
    ObjectNode securityContext,
    List<String> writableDirectories) {

  public ContainerPlan {
    ports = List.copyOf(ports);
    env = List.copyOf(env);
    writableDirectories = List.copyOf(writableDirectories);
  }

  /** A named container port. */
  public record Port(String name, int number) {}

  /** A variable with its own value. */
  public record Env(String name, ValuePlan value) {}
}
