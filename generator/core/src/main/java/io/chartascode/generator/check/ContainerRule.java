package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import java.util.ArrayList;
import java.util.List;

/** A rule that holds for each container of the workload, sidecars and init containers included. */
abstract class ContainerRule implements Rule {
  @Override
  public final List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    for (Container container : app.workload().allContainers()) {
      findings.addAll(check(app, container, ModelPaths.container(app, container)));
    }
    return findings.stream().distinct().toList();
  }

  /** Findings for one container, whose model path is {@code path}. */
  abstract List<Finding> check(Application app, Container container, String path);
}
