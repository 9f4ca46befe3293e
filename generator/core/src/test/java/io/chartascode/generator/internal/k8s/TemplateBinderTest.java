package io.chartascode.generator.internal.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.chartascode.generator.internal.yaml.NodePath;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a bound field lands is read off the built object: no path is ever written by hand. */
class TemplateBinderTest {
  private static final Parameter<Integer> PORT = Parameter.integer("service.port", 80).build();
  private static final Parameter<String> TAG = Parameter.string("tag", "v1").build();
  private static final Application APP =
      Application.builder("web")
          .parameters(PORT, TAG)
          .workload(Workload.builder().replicas(Value.fixed(1))
              .container(Container.builder("app")
                  .image(new Image(Value.fixed("ghcr.io/acme"), Value.fixed("web"), Value.of(TAG)))
                  .port(ContainerPort.http(8080))
                  .resources(new Resources(Value.fixed("10m"), Value.fixed("8Mi"), Value.fixed("20m"), Value.fixed("16Mi")))
                  .build())
              .build())
          .service(ServiceExposure.clusterIp(Value.of(PORT), "http"))
          .build();

  @Test
  void eachBoundFieldIsFoundWhereTheBuilderPutIt() {
    TemplateBinder b = new TemplateBinder(APP);
    var service = new ServiceBuilder()
        .withNewMetadata().withName(b.name("")).withLabels(b.labels(LabelSet.OBJECT)).endMetadata()
        .withNewSpec().addNewPort().withPort(80).endPort().addNewPort().withPort(b.value(Value.of(PORT))).endPort().endSpec()
        .build();

    assertThat(b.locate(ManifestTrees.toYaml(service))).containsExactly(
        new Slot.Name(NodePath.of("metadata.name"), ""),
        new Slot.Labels(NodePath.of("metadata.labels"), LabelSet.OBJECT),
        new Slot.Bound(NodePath.of("spec.ports[1].port"), Value.of(PORT)));
  }

  @Test
  void mapEntriesFollowTheEntriesBeforeThem() {
    Parameter<java.util.SortedMap<String, String>> env = Parameter.stringMap("env", new java.util.TreeMap<>()).build();
    TemplateBinder b = new TemplateBinder(APP);
    var container = new io.fabric8.kubernetes.api.model.ContainerBuilder().withName("app")
        .addNewEnv().withName("A").withValue("1").endEnv();
    b.entries(env).forEach((name, value) -> container.addNewEnv().withName(name).withValue(value).endEnv());

    assertThat(b.locate(ManifestTrees.toYaml(container.build()))).containsExactly(new Slot.MapEntries(NodePath.of("env"), env, 1));
  }

  @Test
  void aValueThatLandsTwiceOrInsideOtherTextIsRefused() {
    TemplateBinder twice = new TemplateBinder(APP);
    String tag = twice.value(Value.of(TAG));
    var copied = new ConfigMapBuilder().addToData("a", tag).addToData("b", tag).build();
    assertThatThrownBy(() -> twice.locate(ManifestTrees.toYaml(copied))).hasMessageContaining("one bound value landed twice, at /data/a and /data/b");

    TemplateBinder embedded = new TemplateBinder(APP);
    var concatenated = new ConfigMapBuilder().addToData("image", "web:" + embedded.value(Value.of(TAG))).build();
    assertThatThrownBy(() -> embedded.locate(ManifestTrees.toYaml(concatenated))).hasMessageContaining("is part of other text at /data/image");

    TemplateBinder dropped = new TemplateBinder(APP);
    dropped.value(Value.of(PORT));
    assertThatThrownBy(() -> dropped.locate(ManifestTrees.toYaml(new ConfigMapBuilder().build()))).hasMessageContaining("never reached the built object");
  }

  @Test
  void ordinaryNumbersAreNeverMistakenForPlaceholders() {
    TemplateBinder b = new TemplateBinder(APP);
    var service = new ServiceBuilder().withNewSpec()
        .addNewPort().withPort(1).endPort().addNewPort().withPort(1).endPort()
        .addNewPort().withPort(Integer.MAX_VALUE).endPort().addNewPort().withPort(b.value(Value.of(PORT))).endPort()
        .endSpec().build();

    assertThat(b.locate(ManifestTrees.toYaml(service))).containsExactly(new Slot.Bound(NodePath.of("spec.ports[3].port"), Value.of(PORT)));
  }

  @Test
  void everyBuiltInObjectLocatesItsSlots() {
    assertThat(ManifestFactory.templated(APP)).extracting(Manifest::fileStem).containsExactly("serviceaccount", "service", "deployment", "networkpolicy");
    assertThat(List.copyOf(ManifestFactory.templated(APP).get(1).slots())).contains(
        new Slot.Bound(NodePath.of("spec.ports[0].port"), Value.of(PORT)));
  }
}
