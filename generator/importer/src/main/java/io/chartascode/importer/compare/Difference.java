package io.chartascode.importer.compare;

/**
 * One field that the imported model renders differently from the input.
 *
 * @param object the input object, {@code Deployment/web}
 * @param path the field, {@code spec.template.spec.containers[web].args}; empty for the whole object
 * @param pointer the JSON pointer of the field in the input object (in the model's object where the
 *     input has none)
 * @param input the input's value, or {@code absent}
 * @param model what the model renders, or {@code absent}
 * @param where the input's file and line for the field, or for its closest ancestor
 */
public record Difference(String object, String path, String pointer, String input, String model, String where) {
  @Override
  public String toString() {
    return object + (path.isEmpty() ? "" : " " + path) + " (" + where + "): " + input + " -> " + model;
  }
}
