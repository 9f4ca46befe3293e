package io.chartascode.generator.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.testing.SampleApplications;
import io.chartascode.testing.ChartAsCodeTests;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.ToolPair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixed text that looks like Go template syntax (a variable whose value is a template of the
 * application's own, say) reaches the pod as it is: the chart must not evaluate it.
 */
class TemplateSyntaxInFixedTextTest {
  private static final String TEMPLATE = "{{ .Release.Name }} {{- \"x\" }} %s {{/* c */}}";

  @Test
  void theChartPrintsItAsItIs(@TempDir Path root) {
    Application base = SampleApplications.random(3);
    Container main = base.workload().containers().get(0).toBuilder().env("TEMPLATE", Value.fixed(TEMPLATE)).build();
    Application app = base.toBuilder()
        .workload(base.workload().toBuilder().clearContainers().container(main).build())
        .build();
    Renders.generate(root, List.of(app));
    Environment env = app.environments().get(0);
    for (ToolPair pair : ToolPair.tested()) {
      String helm = Renders.helmTemplate(pair.helm(), root, app, env);
      ChartAsCodeTests.assertSameObjects(pair + " " + env.name(), helm, Renders.kustomize(pair.kubectl(), Renders.overlay(root, app, env)));
      var vars = Manifests.parse(helm).get("Deployment/" + app.name()).at("/spec/template/spec/containers/0/env");
      assertThat(vars.findValuesAsText("value")).contains(TEMPLATE);
    }
  }
}
