package io.chartascode.generator.internal.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.TestApplications;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.generator.model.Value;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An environment's objects are built again only where the environment changes a parameter the
 * object read at the defaults; the others are the base objects themselves. What is built again
 * must equal a build from scratch, so taking the base object is never a different answer.
 */
class ManifestReuseTest {
  static final Parameter<Integer> PORT = Parameter.integer("service.port", 80).build();
  static final Parameter<Integer> REPLICAS = Parameter.integer("replicas", 2).build();

  static final Application SHOP = withReplicas(TestApplications.shop())
      .parameters(PORT, REPLICAS)
      .service(ServiceExposure.clusterIp(Value.of(PORT), "http"))
      .environment(Environment.builder("port").set(PORT, 8080).build())
      .environment(Environment.builder("replicas").set(REPLICAS, 3).build())
      .environment(Environment.builder("same").set(PORT, 80).build())
      .build();

  private static Application.Builder withReplicas(Application.Builder shop) {
    Application app = shop.build();
    return app.toBuilder().workload(app.workload().toBuilder().replicas(Value.of(REPLICAS)).build());
  }

  @Test
  void anEnvironmentThatChangesTheServicePortBuildsOnlyTheServiceAgain() {
    Map<String, Manifest> base = base();
    Map<String, Manifest> port = builtFor("port", base);

    assertThat(port.get("service")).isNotSameAs(base.get("service"));
    assertThat(port.get("deployment")).isSameAs(base.get("deployment"));
    assertThat(port.get("serviceaccount")).isSameAs(base.get("serviceaccount"));
  }

  @Test
  void anEnvironmentThatChangesTheReplicasBuildsTheDeploymentAgainButNotTheService() {
    Map<String, Manifest> base = base();
    Map<String, Manifest> replicas = builtFor("replicas", base);

    assertThat(replicas.get("deployment")).isNotSameAs(base.get("deployment"));
    assertThat(replicas.get("service")).isSameAs(base.get("service"));
  }

  @Test
  void anOverrideEqualToTheDefaultChangesNothing() {
    List<Manifest> base = ManifestFactory.concrete(SHOP, SHOP.defaults());

    assertThat(ManifestFactory.concrete(SHOP, values("same"), base)).containsExactlyElementsOf(base);
  }

  @Test
  void whatIsTakenOrBuiltEqualsABuildFromScratch() {
    List<Manifest> base = ManifestFactory.concrete(SHOP, SHOP.defaults());
    for (Environment env : SHOP.environments()) {
      ParameterValues values = SHOP.valuesFor(env);
      assertThat(trees(ManifestFactory.concrete(SHOP, values, base)))
          .as(env.name())
          .isEqualTo(trees(ManifestFactory.concrete(SHOP, values)));
    }
  }

  /** The Kustomize base's objects, by file stem. */
  private static Map<String, Manifest> base() {
    return byStem(ManifestFactory.concrete(SHOP, SHOP.defaults()));
  }

  /** An environment's objects, taking those of {@code base} it does not change. */
  private static Map<String, Manifest> builtFor(String environment, Map<String, Manifest> base) {
    return byStem(ManifestFactory.concrete(SHOP, values(environment), base.values()));
  }

  private static ParameterValues values(String environment) {
    return SHOP.valuesFor(SHOP.environments().stream().filter(e -> e.name().equals(environment)).findFirst().orElseThrow());
  }

  private static Map<String, Manifest> byStem(List<Manifest> manifests) {
    return manifests.stream().collect(Collectors.toMap(Manifest::fileStem, Function.identity()));
  }

  private static List<Object> trees(List<Manifest> manifests) {
    return manifests.stream().map(m -> (Object) List.of(m.fileStem(), m.tree())).toList();
  }
}
