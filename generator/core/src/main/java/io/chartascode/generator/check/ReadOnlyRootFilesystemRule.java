package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.OptOut;
import java.util.List;

/** Each container's root filesystem is read-only; writable paths get an emptyDir instead. */
final class ReadOnlyRootFilesystemRule extends ContainerRule {
  @Override
  public String id() {
    return "CAC-SEC-002";
  }

  @Override
  List<Finding> check(Application app, Container container, String path) {
    var security = container.securityContext();
    if (app.optOuts().containsKey(OptOut.WRITABLE_ROOT_FILESYSTEM) || Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
      return List.of();
    }
    return List.of(finding(path + ".securityContext.readOnlyRootFilesystem",
        "is " + security.getReadOnlyRootFilesystem() + "; set it to true and add writableDirectory(\"/tmp\") where needed,"
            + " or optOut(WRITABLE_ROOT_FILESYSTEM, reason)"));
  }
}
