package io.chartascode.importer.plan;

import static io.chartascode.importer.source.ModelSource.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.CodeBlock;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.importer.read.InputObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Service that selects the Deployment's pods, as the model's {@code ServiceExposure}: its type,
 * and its ports, each a parameter targeting a named container port. The model always has a
 * Service, so without one in the input it adds a ClusterIP Service on port 80, and says so.
 */
final class ServiceReader implements PartReader<ServiceReader.ServicePlan> {
  /** The Service: its first port, and any others, each targeting a named container port. */
  record ServicePlan(String type, ValuePlan port, String targetPortName, List<MorePort> more) {
    ServicePlan {
      more = List.copyOf(more);
    }

    /** Every target port name, the first port's first. */
    List<String> targetPortNames() {
      List<String> names = new ArrayList<>(List.of(targetPortName));
      more.forEach(p -> names.add(p.targetPortName()));
      return names;
    }

    /** Each port's number (its default) and the model's name for it: empty for the first, the application's. */
    Map<Integer, Optional<String>> portNames() {
      Map<Integer, Optional<String>> ports = new HashMap<>();
      more.forEach(p -> ports.put((Integer) p.port().defaultValue(), Optional.of(p.targetPortName())));
      ports.put((Integer) port.defaultValue(), Optional.empty());
      return ports;
    }
  }

  /** A Service port after the first. */
  record MorePort(ValuePlan port, String targetPortName) {}

  /** The Service: read first, and the model always has one. */
  static ServicePlan of(Reading reading) {
    return reading.part(ServicePlan.class).orElseThrow();
  }

  @Override
  public Class<? extends HasMetadata> type() {
    return Service.class;
  }

  @Override
  public boolean belongs(InputObject service, Reading reading) {
    return Shapes.selects(service.tree().at("/spec/selector"), reading.podLabels());
  }

  @Override
  public Optional<ServicePlan> read(InputObject service, Reading reading) {
    List<ContainerPlan.Port> ports = containerPorts(reading);
    String type = service.tree().at("/spec/type").asText("ClusterIP");
    String firstTarget = targetName(service, 0, ports, reading).orElse(fallback(ports));
    List<MorePort> more = new ArrayList<>();
    JsonNode all = service.tree().at("/spec/ports");
    for (int i = 1; i < all.size(); i++) {
      Optional<String> target = targetName(service, i, ports, reading);
      if (target.isPresent()) {
        String camel = Names.lowerCamel(target.get());
        ParameterPlan number = reading.integer("SERVICE_" + Names.upperSnake(target.get()) + "_PORT", "service." + camel + "Port",
            all.get(i).path("port").asInt(), "Port of the Service that targets container port " + target.get() + ".", 1, 65535);
        more.add(new MorePort(ValuePlan.of(number), target.get()));
      }
    }
    int port = service.tree().at("/spec/ports/0").path("port").asInt(80);
    return Optional.of(new ServicePlan(type, ValuePlan.of(servicePort(port, reading)), firstTarget, more));
  }

  @Override
  public Optional<ServicePlan> absent(Reading reading) {
    String fallback = fallback(containerPorts(reading));
    reading.note("No Service in the input selects the pods; the model always has one, so a ClusterIP Service"
        + " on port 80 targeting '" + fallback + "' is added");
    return Optional.of(new ServicePlan("ClusterIP", ValuePlan.of(servicePort(80, reading)), fallback, List.of()));
  }

  @Override
  public String notImported(InputObject service, InputObject deployment) {
    return "it does not select the pods of " + deployment.id() + "; the model has one Service";
  }

  @Override
  public void build(ServicePlan service, Application.Builder app, PlanInterpreter interpreter) {
    ServiceExposure exposure =
        new ServiceExposure(service.type(), interpreter.value(service.port()), service.targetPortName());
    for (MorePort more : service.more()) {
      exposure = exposure.withPort(interpreter.value(more.port()), more.targetPortName());
    }
    app.service(exposure);
  }

  @Override
  public CodeBlock source(ServicePlan service) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (service.type().equals("ClusterIP")) {
      code.add("\n.service($T.clusterIp($L, $S)", ServiceExposure.class, value(service.port()), service.targetPortName());
    } else {
      code.add("\n.service(new $T($S, $L, $S)", ServiceExposure.class, service.type(), value(service.port()),
          service.targetPortName());
    }
    service.more().forEach(p -> code.add("\n$>$>.withPort($L, $S)$<$<", value(p.port()), p.targetPortName()));
    return code.add(")").build();
  }

  private static List<ContainerPlan.Port> containerPorts(Reading reading) {
    return reading.workload().containers().stream().flatMap(c -> c.ports().stream()).toList();
  }

  /** The port a Service targets where the input does not say: the first container port, or http. */
  private static String fallback(List<ContainerPlan.Port> ports) {
    return ports.isEmpty() ? "http" : ports.get(0).name();
  }

  /** The named container port Service port {@code i} targets, if it targets one; says so when it had to name it. */
  private static Optional<String> targetName(InputObject service, int i, List<ContainerPlan.Port> ports, Reading reading) {
    JsonNode entry = service.tree().at("/spec/ports/" + i);
    JsonNode target = entry.has("targetPort") ? entry.get("targetPort") : entry.path("port");
    Optional<String> name =
        target.isTextual()
            ? Optional.of(target.asText())
            : ports.stream().filter(p -> p.number() == target.asInt(-1)).map(ContainerPlan.Port::name).findFirst();
    if (name.isEmpty()) {
      reading.note(service.where("/spec/ports/" + i) + ": target port " + target + " is no container port;"
          + (i == 0 ? " the model targets a named port" : " this Service port is left out"));
    } else if (!target.isTextual()) {
      reading.note(service.where("/spec/ports/" + i) + ": target port " + target + " is written as its name '" + name.get() + "'");
    }
    return name;
  }

  private static ParameterPlan servicePort(int port, Reading reading) {
    return reading.integer("SERVICE_PORT", "service.port", port, "Port of the Service.", 1, 65535);
  }
}
