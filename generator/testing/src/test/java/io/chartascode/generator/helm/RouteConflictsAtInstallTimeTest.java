package io.chartascode.generator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.check.ModelValidator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.testing.SampleApplications;
import io.chartascode.testing.Command;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.ToolPair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CAC-ROUTE-005 holds at install time as in the model: for random models with an Ingress and an
 * HTTPRoute, and every combination of their switches and of two hosts for each, real helm fails
 * exactly when the rule, given the same values as an environment, refuses them, and names the host.
 */
class RouteConflictsAtInstallTimeTest {
  private static final List<String> HOSTS = List.of("a.example.com", "b.example.com");

  static List<ToolPair> helms() {
    return ToolPair.tested();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helms")
  void helmRefusesExactlyWhatTheRuleRefuses(ToolPair pair, @TempDir Path root) {
    int refused = 0;
    for (Application app : modelsWithBothRoutes(2)) {
      Path chart = Renders.chart(Renders.generate(root.resolve(app.name()), List.of(app)), app);
      for (boolean ingressOn : List.of(false, true)) {
        for (boolean routeOn : List.of(false, true)) {
          for (String ingressHost : HOSTS) {
            for (String routeHost : HOSTS) {
              Environment values = Environment.builder("probe")
                  .setUnchecked(parameter(app, "ingress.enabled"), ingressOn)
                  .setUnchecked(parameter(app, "httpRoute.enabled"), routeOn)
                  .setUnchecked(parameter(app, "ingress.host"), ingressHost)
                  .setUnchecked(parameter(app, "httpRoute.hostname"), routeHost)
                  .build();
              boolean ruleRefuses = ModelValidator.check(List.of(app.toBuilder().environment(values).build())).stream()
                  .anyMatch(finding -> finding.toString().startsWith("[CAC-ROUTE-005]"));

              Command.Result helm = Renders.helm(pair.helm(), "template", "probe", chart.toString(), "--set",
                  "ingress.enabled=" + ingressOn + ",httpRoute.enabled=" + routeOn + ",ingress.host=" + ingressHost
                      + ",httpRoute.hostname=" + routeHost);

              String what = app.name() + ": ingress " + ingressOn + " at " + ingressHost + ", route " + routeOn + " at " + routeHost;
              assertThat(helm.exitCode() != 0).as(what + ": " + helm.stderr()).isEqualTo(ruleRefuses);
              if (ruleRefuses) {
                refused++;
                assertThat(helm.stderr()).as(what).contains("both claim host " + ingressHost + ", prefix path /;");
              }
            }
          }
        }
      }
    }
    assertThat(refused).as("combinations refused").isEqualTo(2 * 2); // both on, one host: a or b, per model
  }

  /** The first {@code count} random models that have both an Ingress and an HTTPRoute. */
  private static List<Application> modelsWithBothRoutes(int count) {
    List<Application> apps = new ArrayList<>();
    for (long seed = 1; apps.size() < count; seed++) {
      Application app = SampleApplications.random(seed);
      if (app.ingress().isPresent() && app.httpRoute().isPresent()) {
        apps.add(app);
      }
    }
    return apps;
  }

  private static Parameter<?> parameter(Application app, String name) {
    return app.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
