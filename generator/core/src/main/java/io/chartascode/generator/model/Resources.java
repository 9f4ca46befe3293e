package io.chartascode.generator.model;

/** CPU and memory requests and limits of a container. */
public record Resources(
    Value<String> cpuRequest,
    Value<String> memoryRequest,
    Value<String> cpuLimit,
    Value<String> memoryLimit) {

  public static Resources of(
      Parameter<String> cpuRequest,
      Parameter<String> memoryRequest,
      Parameter<String> cpuLimit,
      Parameter<String> memoryLimit) {
    return new Resources(
        Value.of(cpuRequest), Value.of(memoryRequest), Value.of(cpuLimit), Value.of(memoryLimit));
  }
}
