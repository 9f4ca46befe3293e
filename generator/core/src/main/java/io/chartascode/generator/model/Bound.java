package io.chartascode.generator.model;

/**
 * Says that one integer parameter may not exceed another, e.g. min replicas ≤ max replicas.
 *
 * <p>JSON Schema cannot compare two values, so the chart enforces this with a template
 * {@code fail}, and the generator checks it for every environment.
 */
public record Bound(Parameter<Integer> lower, Parameter<Integer> upper) {}
