package io.chartascode.importer.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.KeySource;
import io.chartascode.generator.model.SecretReference;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.EnvVar;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Patterns;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Builds the {@link Application} a plan describes, in this JVM, exactly as the generated source
 * does when it is compiled and run. The importer uses it to validate the model and to compare
 * what the model renders with the input before it writes anything.
 */
public final class PlanInterpreter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, Parameter<?>> parameters = new HashMap<>();
  private final Map<String, KeySource> keySources = new HashMap<>();

  private PlanInterpreter() {}

  public static Application application(ApplicationPlan plan) {
    return new PlanInterpreter().build(plan);
  }

  private Application build(ApplicationPlan plan) {
    Application.Builder app = Application.builder(plan.name());
    plan.chartVersion().ifPresent(app::chartVersion);
    plan.appVersion().ifPresent(app::appVersion);
    plan.parameters().forEach(p -> app.parameters(declare(p)));
    plan.keySources().forEach(k -> keySources.put(k.constant(), keySource(k)));
    Workload.Builder workload = Workload.builder().replicas(value(plan.workload().replicas()));
    plan.workload().initContainers().forEach(c -> workload.initContainer(container(c)));
    plan.workload().containers().forEach(c -> workload.container(container(c)));
    workload.podSecurityContext(fabric8(plan.workload().podSecurityContext(), PodSecurityContext.class));
    plan.workload().tolerations().forEach(t -> workload.toleration(fabric8(t, Toleration.class)));
    plan.workload().topologySpreads().forEach(workload::topologySpread);
    plan.workload().terminationGracePeriodSeconds().ifPresent(workload::terminationGracePeriodSeconds);
    plan.workload().nodeSelector().forEach(workload::nodeSelector);
    plan.workload().imagePullSecrets().forEach(workload::imagePullSecret);
    plan.workload().priorityClassName().ifPresent(workload::priorityClassName);
    plan.workload().strategy().ifPresent(st -> workload.strategy(fabric8(st, DeploymentStrategy.class)));
    plan.workload().volumes().forEach(v -> workload.volume(fabric8(v, Volume.class)));
    plan.workload().keyVolumes().forEach(v ->
        workload.volume(v.name(), keySources.get(v.source().constant()), v.keys().toArray(String[]::new)));
    plan.workload().podAnnotations().ifPresent(p -> workload.podAnnotations(parameter(p)));
    plan.workload().podLabels().ifPresent(p -> workload.podLabels(parameter(p)));
    plan.workload().antiAffinity().ifPresent(workload::antiAffinity);
    app.workload(workload.build());
    plan.parts().forEach(part -> part.build(app, this));
    plan.labels().ifPresent(p -> app.labels(parameter(p)));
    plan.optOuts().forEach(app::optOut);
    plan.environment()
        .ifPresent(
            e -> {
              Environment.Builder env = Environment.builder(e.name());
              e.namespace().ifPresent(env::namespace);
              app.environment(env.build());
            });
    return app.build();
  }

  private static KeySource keySource(KeySourcePlan plan) {
    if (plan instanceof KeySourcePlan.ConfigurationPlan c) {
      Configuration.Builder configuration = Configuration.builder(c.name());
      c.data().forEach(configuration::literal);
      return configuration.build();
    }
    KeySourcePlan.SecretPlan secret = (KeySourcePlan.SecretPlan) plan;
    SecretReference.Builder reference = SecretReference.builder(secret.secretName());
    secret.keys().forEach(reference::key);
    return reference.build();
  }

  private Container container(ContainerPlan c) {
    Container.Builder container =
        Container.builder(c.name())
            .image(new Image(value(c.hub()), value(c.image()), value(c.tag())))
            .pullPolicy(value(c.pullPolicy()));
    c.ports().forEach(p -> container.port(ContainerPort.named(p.name(), Value.fixed(p.number()))));
    for (ContainerPlan.Env e : c.env()) {
      if (e.value().isPresent()) {
        container.env(e.name(), value(e.value().get()));
      } else if (e.key().isPresent()) {
        container.env(EnvVar.from(e.name(), keySources.get(e.key().get().source().constant()), e.key().get().key()));
      } else {
        container.env(EnvVar.from(e.name(), fabric8(e.source().orElseThrow(), EnvVarSource.class)));
      }
    }
    c.envFrom().forEach(from -> container.envFrom(keySources.get(from.source().constant()), from.prefix()));
    c.extraEnv().ifPresent(extra -> container.extraEnv(parameter(extra)));
    container.resources(
        new io.chartascode.generator.model.Resources(
            value(c.cpuRequest()), value(c.memoryRequest()), value(c.cpuLimit()), value(c.memoryLimit())));
    c.liveness().ifPresent(p -> container.liveness(fabric8(p, Probe.class)));
    c.readiness().ifPresent(p -> container.readiness(fabric8(p, Probe.class)));
    c.startup().ifPresent(p -> container.startup(fabric8(p, Probe.class)));
    c.lifecycle().ifPresent(l -> container.lifecycle(fabric8(l, Lifecycle.class)));
    container.command(c.command().toArray(String[]::new));
    container.args(c.args().toArray(String[]::new));
    container.securityContext(fabric8(c.securityContext(), SecurityContext.class));
    c.writableDirectories().forEach(container::writableDirectory);
    c.mounts().forEach(m -> container.mount(fabric8(m, VolumeMount.class)));
    return container.build();
  }

  /** The model's value for {@code plan}: a constant, or one of the parameters declared so far. */
  @SuppressWarnings("unchecked")
  <T> Value<T> value(ValuePlan plan) {
    if (plan instanceof ValuePlan.Fixed f) {
      return Value.fixed((T) f.value());
    }
    return Value.of(parameter(((ValuePlan.Ref) plan).parameter()));
  }

  /** The parameter declared for {@code plan}; {@code T} is its type's value, as {@link #declared} makes it. */
  @SuppressWarnings("unchecked")
  <T> Parameter<T> parameter(ParameterPlan plan) {
    return (Parameter<T>) parameters.get(plan.name());
  }

  private Parameter<?> declare(ParameterPlan p) {
    Parameter<?> parameter = declared(p);
    parameters.put(p.name(), parameter);
    return parameter;
  }

  /** The parameter {@code p} describes, as the generated source declares it. */
  @SuppressWarnings("unchecked")
  static Parameter<?> declared(ParameterPlan p) {
    Parameter.Builder<?> builder =
        switch (p.type()) {
          case STRING -> Parameter.string(p.name(), (String) p.defaultValue());
          case BOOLEAN -> Parameter.bool(p.name(), (Boolean) p.defaultValue());
          case INTEGER -> Parameter.integer(p.name(), (Integer) p.defaultValue());
          case CPU_QUANTITY -> Parameter.cpu(p.name(), (String) p.defaultValue());
          case MEMORY_QUANTITY -> Parameter.memory(p.name(), (String) p.defaultValue());
          case STRING_MAP -> Parameter.stringMap(p.name(), (SortedMap<String, String>) p.defaultValue());
        };
    builder.description(p.description());
    p.pattern().ifPresent(field -> builder.pattern(pattern(field)));
    if (!p.allowedValues().isEmpty()) {
      builder.allowedValues(p.allowedValues().toArray(String[]::new));
    }
    if (!p.forbiddenValues().isEmpty()) {
      builder.forbiddenValues(p.forbiddenValues().toArray(String[]::new));
    }
    p.minimum().ifPresent(builder::minimum);
    p.maximum().ifPresent(builder::maximum);
    return builder.build();
  }

  /** The value of a {@link Patterns} constant, by field name. */
  public static String pattern(String patternsField) {
    try {
      return (String) Patterns.class.getField(patternsField).get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Patterns has no field " + patternsField, e);
    }
  }

  static <T> T fabric8(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read " + type.getSimpleName() + " " + tree, e);
    }
  }
}
