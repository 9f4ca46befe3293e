package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.OptOut;
import java.util.List;

/** The container's root filesystem is read-only; writable paths get an emptyDir instead. */
final class ReadOnlyRootFilesystemRule implements Rule {
  @Override
  public String id() {
    return "CAC-SEC-002";
  }

  @Override
  public List<Finding> check(Application app) {
    var security = app.workload().container().securityContext();
    if (app.optOuts().containsKey(OptOut.WRITABLE_ROOT_FILESYSTEM) || Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
      return List.of();
    }
    return List.of(finding(ModelPaths.container(app) + ".securityContext.readOnlyRootFilesystem",
        "is " + security.getReadOnlyRootFilesystem() + "; set it to true and add writableDirectory(\"/tmp\") where needed,"
            + " or optOut(WRITABLE_ROOT_FILESYSTEM, reason)"));
  }
}
