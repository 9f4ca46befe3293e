package io.chartascode.generator.check;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a model, reported at once so one run shows the whole list. */
public final class InvalidModelException extends RuntimeException {
  private final List<Finding> findings;

  public InvalidModelException(List<Finding> findings) {
    super(
        findings.size()
            + (findings.size() == 1 ? " problem" : " problems")
            + " in the model; nothing was written:\n"
            + findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }
}
