package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.Generator;
import io.chartascode.generator.check.Finding;
import io.chartascode.generator.check.ModelValidator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.DisruptionBudget;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.OptOut;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * envapp runs at least 2 pods everywhere (3 replicas, or an autoscaler from 3), so it gets a
 * PodDisruptionBudget by default; the other cases, side by side with the files they give.
 */
class DisruptionBudgetTest {
  private static final Application ENVAPP = EnvApp.application();

  private static List<String> pdbFiles(Application app) {
    return Generator.render(List.of(app)).keySet().stream().filter(path -> path.endsWith("/pdb.yaml")).toList();
  }

  @Test
  void atLeastTwoPodsEverywhereGivesMaxUnavailableOne() {
    var files = Generator.render(List.of(ENVAPP));

    assertThat(pdbFiles(ENVAPP)).containsExactly("helm/envapp/templates/pdb.yaml", "kustomize/envapp/base/pdb.yaml");
    assertThat(files.get("kustomize/envapp/base/pdb.yaml")).endsWith("""
        spec:
          maxUnavailable: 1
          selector:
            matchLabels:
              app.kubernetes.io/instance: envapp
              app.kubernetes.io/name: envapp
        """);
  }

  @Test
  void anEnvironmentWithOnePodMeansNoBudget() {
    Application dev = ENVAPP.toBuilder()
        .environment(Environment.builder("qa").set(EnvApp.AUTOSCALING_ENABLED, false).set(EnvApp.REPLICAS, 1).build())
        .build();

    assertThat(pdbFiles(dev)).isEmpty();
  }

  @Test
  void anOptOutLeavesItOut() {
    Application none = ENVAPP.toBuilder().optOut(OptOut.NO_DISRUPTION_BUDGET, "drained by hand").build();

    assertThat(pdbFiles(none)).isEmpty();
  }

  @Test
  void aBudgetThatWouldBlockDrainsIsRefused() {
    Application blocking = ENVAPP.toBuilder().disruptionBudget(DisruptionBudget.minAvailable(3)).build();
    Application zero = ENVAPP.toBuilder().disruptionBudget(DisruptionBudget.maxUnavailable(0)).build();

    assertThat(ModelValidator.check(List.of(blocking))).extracting(Finding::toString).containsExactly(
        "[CAC-PDB-001] envapp.disruptionBudget.minAvailable: is 3 by default but the application runs as few as 3 pods,"
            + " so a node drain would wait forever; lower it below 3 or use maxUnavailable",
        "[CAC-PDB-001] envapp.disruptionBudget.minAvailable: is 3 in environment dev but the application runs as few as 3 pods,"
            + " so a node drain would wait forever; lower it below 3 or use maxUnavailable",
        "[CAC-PDB-001] envapp.disruptionBudget.minAvailable: is 3 in environment prod but the application runs as few as 3 pods,"
            + " so a node drain would wait forever; lower it below 3 or use maxUnavailable");
    assertThat(ModelValidator.check(List.of(zero))).extracting(Finding::ruleId).containsOnly("CAC-PDB-001").hasSize(3);
  }
}
