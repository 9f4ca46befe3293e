package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import java.util.List;

/** One invariant of a model, in its own class with a stable id, as error-prone's checks are. */
public interface Rule {
  /** A stable id such as {@code CAC-HPA-001}. */
  String id();

  /** Every violation in {@code app}; empty when it holds. */
  List<Finding> check(Application app);

  default Finding finding(String path, String message) {
    return new Finding(id(), path, message);
  }
}
