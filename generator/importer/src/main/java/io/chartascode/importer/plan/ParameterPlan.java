package io.chartascode.importer.plan;

import io.chartascode.generator.model.ParameterType;
import java.util.List;
import java.util.Optional;

/**
 * A parameter the imported model declares, with the input's value as its default.
 *
 * @param constant the Java constant that holds it, e.g. {@code CPU_REQUEST}
 * @param name the dotted values path, e.g. {@code resources.requests.cpu}
 * @param pattern one of the model's shared patterns, by {@code Patterns} field name; empty for none.
 *     CPU and memory parameters carry their quantity pattern by construction.
 */
public record ParameterPlan(
    String constant,
    ParameterType type,
    String name,
    Object defaultValue,
    String description,
    Optional<String> pattern,
    List<String> allowedValues,
    List<String> forbiddenValues,
    Optional<Integer> minimum,
    Optional<Integer> maximum) {

  public ParameterPlan {
    allowedValues = List.copyOf(allowedValues);
    forbiddenValues = List.copyOf(forbiddenValues);
  }

  public static ParameterPlan of(String constant, ParameterType type, String name, Object defaultValue, String description) {
    return new ParameterPlan(
        constant, type, name, defaultValue, description, Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty());
  }

  public ParameterPlan withPattern(String patternsField) {
    return new ParameterPlan(constant, type, name, defaultValue, description, Optional.of(patternsField),
        allowedValues, forbiddenValues, minimum, maximum);
  }

  public ParameterPlan withAllowed(List<String> values) {
    return new ParameterPlan(constant, type, name, defaultValue, description, pattern, values, forbiddenValues, minimum, maximum);
  }

  public ParameterPlan withForbidden(List<String> values) {
    return new ParameterPlan(constant, type, name, defaultValue, description, pattern, allowedValues, values, minimum, maximum);
  }

  public ParameterPlan withRange(Integer min, Integer max) {
    return new ParameterPlan(constant, type, name, defaultValue, description, pattern, allowedValues, forbiddenValues,
        Optional.ofNullable(min), Optional.ofNullable(max));
  }
}
