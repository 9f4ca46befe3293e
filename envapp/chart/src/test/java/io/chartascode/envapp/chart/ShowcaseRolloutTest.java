package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.testing.ChartAsCodeTests;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.ToolPair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * showcase before and after a configuration change, with both tool pairs: an environment that
 * changes the greeting renders equal objects under Helm and Kustomize, with a new ConfigMap name
 * and a new pod template, and {@code --set} at install gives Helm the same objects.
 */
class ShowcaseRolloutTest {
  @Test
  void aConfigurationChangeRenamesTheConfigMapAndRollsThePodsUnderBothTools(@TempDir Path root) {
    Environment dev = Showcase.application().environments().get(0);
    Environment changed = Environment.builder("changed")
        .namespace(dev.namespace().orElseThrow())
        .setUnchecked(Showcase.GREETING, "hello again")
        .build();
    Application app = Showcase.application().toBuilder().environment(withOverridesOf(dev, changed)).build();
    Renders.generate(root, List.of(app));
    Environment after = app.environments().get(app.environments().size() - 1);

    for (ToolPair pair : ToolPair.tested()) {
      String before = Renders.helmTemplate(pair.helm(), root, app, dev);
      String helm = Renders.helmTemplate(pair.helm(), root, app, after);
      ChartAsCodeTests.assertSameObjects(pair + " dev", before, Renders.kustomize(pair.kubectl(), Renders.overlay(root, app, dev)));
      ChartAsCodeTests.assertSameObjects(pair + " after the change", helm,
          Renders.kustomize(pair.kubectl(), Renders.overlay(root, app, after)));
      assertThat(configMapName(helm)).isNotEqualTo(configMapName(before));
      assertThat(podTemplate(helm)).isNotEqualTo(podTemplate(before));
      String set = Renders.helmTemplate(pair.helm(), root, app, dev, "--set", "config.greeting=hello again");
      ChartAsCodeTests.assertSameObjects(pair + " --set", set, helm);
    }
  }

  /** {@code change} on top of everything {@code base} sets. */
  private static Environment withOverridesOf(Environment base, Environment change) {
    Environment.Builder env = Environment.builder(change.name()).namespace(change.namespace().orElseThrow());
    base.overrides().forEach(env::setUnchecked);
    change.overrides().forEach(env::setUnchecked);
    return env.build();
  }

  private static String configMapName(String manifests) {
    return Manifests.parse(manifests).keySet().stream().filter(k -> k.startsWith("ConfigMap/")).findFirst().orElseThrow();
  }

  private static JsonNode podTemplate(String manifests) {
    return Manifests.parse(manifests).get("Deployment/showcase").at("/spec/template");
  }
}
