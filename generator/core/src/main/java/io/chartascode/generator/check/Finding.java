package io.chartascode.generator.check;

/**
 * One problem in a model: the stable id of the rule that found it (tests match on it), the path
 * of the bad field, and a message that says the value and the fix.
 */
public record Finding(String ruleId, String path, String message) {
  @Override
  public String toString() {
    return "[" + ruleId + "] " + path + ": " + message;
  }
}
