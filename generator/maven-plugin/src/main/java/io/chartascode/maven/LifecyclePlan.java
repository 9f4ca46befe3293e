package io.chartascode.maven;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.maven.lifecycle.DefaultLifecycles;
import org.apache.maven.lifecycle.Lifecycle;
import org.apache.maven.model.Plugin;

/**
 * Whether {@code chart-as-code:check} runs later in this build of this project. {@code generate}
 * asks, because a build that checks the committed tree must not rewrite it first: the check
 * could never fail. The answer comes from the build's own plan, the tasks on the command line
 * and the phases the project binds {@code check} to, not from a list of phase names.
 */
final class LifecyclePlan {
  private final Function<String, List<String>> lifecycleOfPhase;

  /** @param lifecycleOfPhase the phases of the lifecycle a phase belongs to; empty if none */
  LifecyclePlan(Function<String, List<String>> lifecycleOfPhase) {
    this.lifecycleOfPhase = lifecycleOfPhase;
  }

  /** The plan of the Maven that runs the plugin. */
  static LifecyclePlan of(DefaultLifecycles lifecycles) {
    return new LifecyclePlan(phase -> {
      Lifecycle lifecycle = lifecycles.get(phase);
      return lifecycle == null ? List.of() : lifecycle.getPhases();
    });
  }

  /**
   * @param tasks what Maven was asked to run ({@code session.getGoals()})
   * @param self this plugin as the project declares it, or null when it is not declared
   */
  boolean checkFollows(List<String> tasks, Plugin self) {
    if (self == null) {
      return false; // invoked from the command line without being declared: nothing is bound
    }
    if (tasks.stream().anyMatch(task -> isCheckGoal(task, self))) {
      return true;
    }
    Set<String> checkPhases =
        self.getExecutions().stream()
            .filter(e -> e.getGoals().contains(CheckMojo.GOAL))
            .map(e -> e.getPhase() == null ? CheckMojo.DEFAULT_PHASE : e.getPhase())
            .collect(Collectors.toSet());
    for (String task : tasks) {
      List<String> phases = lifecycleOfPhase.apply(task);
      int reached = phases.indexOf(task);
      if (reached >= 0 && checkPhases.stream().anyMatch(p -> phases.contains(p) && phases.indexOf(p) <= reached)) {
        return true;
      }
    }
    return false;
  }

  /** {@code chart-as-code:check}, or the plugin's coordinates ({@code group:artifact[:version]:check}). */
  private static boolean isCheckGoal(String task, Plugin self) {
    if (!task.endsWith(":" + CheckMojo.GOAL)) {
      return false;
    }
    String plugin = task.substring(0, task.length() - CheckMojo.GOAL.length() - 1);
    return plugin.equals(CheckMojo.PREFIX) || plugin.startsWith(self.getGroupId() + ":" + self.getArtifactId());
  }
}
