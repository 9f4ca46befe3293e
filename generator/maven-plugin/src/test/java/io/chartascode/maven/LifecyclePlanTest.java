package io.chartascode.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.junit.jupiter.api.Test;

/** When generate leaves the tree to check: exactly when check runs later in the same build. */
class LifecyclePlanTest {
  private static final List<String> DEFAULT =
      List.of("validate", "generate-sources", "generate-resources", "compile", "test", "package", "verify", "install", "deploy");
  private static final List<String> CLEAN = List.of("pre-clean", "clean", "post-clean");
  private static final LifecyclePlan PLAN =
      new LifecyclePlan(phase -> DEFAULT.contains(phase) ? DEFAULT : CLEAN.contains(phase) ? CLEAN : List.of());

  private static Plugin plugin(String checkPhase) {
    Plugin plugin = new Plugin();
    plugin.setGroupId("io.chartascode");
    plugin.setArtifactId("chart-as-code-maven-plugin");
    PluginExecution execution = new PluginExecution();
    execution.setGoals(List.of("generate", "check"));
    execution.setPhase(checkPhase);
    plugin.addExecution(execution);
    return plugin;
  }

  @Test
  void generateResourcesWrites() {
    assertThat(PLAN.checkFollows(List.of("generate-resources"), plugin(null))).isFalse();
    assertThat(PLAN.checkFollows(List.of("clean", "compile"), plugin(null))).isFalse();
    assertThat(PLAN.checkFollows(List.of("package"), plugin(null))).isFalse();
  }

  @Test
  void aBuildThatReachesCheckLeavesTheTreeAlone() {
    assertThat(PLAN.checkFollows(List.of("verify"), plugin(null))).isTrue();
    assertThat(PLAN.checkFollows(List.of("clean", "install"), plugin(null))).isTrue();
  }

  @Test
  void checkBoundEarlierCountsFromItsPhase() {
    assertThat(PLAN.checkFollows(List.of("test"), plugin("test"))).isTrue();
    assertThat(PLAN.checkFollows(List.of("compile"), plugin("test"))).isFalse();
  }

  @Test
  void checkOnTheCommandLineCounts() {
    assertThat(PLAN.checkFollows(List.of("generate-resources", "chart-as-code:check"), plugin(null))).isTrue();
    assertThat(PLAN.checkFollows(
        List.of("io.chartascode:chart-as-code-maven-plugin:0.1.0:check"), plugin(null))).isTrue();
    assertThat(PLAN.checkFollows(List.of("other:check"), plugin(null))).isFalse();
  }

  @Test
  void aProjectWithoutCheckBoundAlwaysWrites() {
    Plugin generateOnly = new Plugin();
    PluginExecution execution = new PluginExecution();
    execution.setGoals(List.of("generate"));
    generateOnly.addExecution(execution);

    assertThat(PLAN.checkFollows(List.of("verify"), generateOnly)).isFalse();
    assertThat(PLAN.checkFollows(List.of("verify"), null)).isFalse();
  }
}
