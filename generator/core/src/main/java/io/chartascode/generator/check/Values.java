package io.chartascode.generator.check;

/** How findings show a value: strings quoted, so "1.10" and 1.10 look different. */
final class Values {
  private Values() {}

  static String show(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
  }
}
