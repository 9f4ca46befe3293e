package io.chartascode.importer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartascode.importer.read.InputObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

/**
 * What a {@link PartReader} sees of the import in progress: the Deployment, the objects chosen and
 * the parts made before its own, and where it declares parameters and leaves notes for the report.
 */
public interface Reading {
  /** The Deployment being imported. */
  InputObject deployment();

  /** The labels of its pods, as the input has them. */
  JsonNode podLabels();

  /** The object chosen for the reader of {@code type}, if the input has one. */
  Optional<InputObject> chosen(Class<? extends HasMetadata> type);

  /** The Deployment's pod as the model has it; read after the objects are chosen. */
  ApplicationPlan.Workload workload();

  /** What an earlier reader made, by its type. */
  <P> Optional<P> part(Class<P> type);

  /** The names handed out so far, for parameters and constants. */
  Names names();

  /** Adds {@code parameter} to the model, after those declared before; returns it. */
  ParameterPlan declare(ParameterPlan parameter);

  /** Declares an integer parameter with unique names; the bounds only where {@code value} is within them. */
  ParameterPlan integer(String constant, String name, int value, String description, Integer min, Integer max);

  /** Declares a map parameter holding {@code annotations}, if there are any. */
  Optional<ParameterPlan> annotations(JsonNode annotations, String constant, String name, String description);

  /** A remark for the report, e.g. a field written differently from the input. */
  void note(String note);
}
