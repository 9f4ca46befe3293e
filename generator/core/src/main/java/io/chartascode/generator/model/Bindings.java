package io.chartascode.generator.model;

import java.util.Map;

/**
 * What an object you build yourself ({@link Application.Builder#object}) reads from the model.
 * Each call marks the field it fills as one that varies: the chart templates it from the values
 * file, and each overlay sets it for its environment. Call it exactly where the field is set; its
 * location in the object is found from there, so it is never written as a path.
 */
public interface Bindings {
  /** The value of {@code value} for the environment being rendered. */
  <T> T value(Value<T> value);

  /** The application's name plus {@code suffix}: the chart's fullname on the Helm side. */
  String name(String suffix);

  /** The application's standard {@code app.kubernetes.io/*} labels, for the object's metadata. */
  Map<String, String> labels();

  /** The labels that select the application's pods, e.g. for a selector. */
  Map<String, String> selectorLabels();
}
