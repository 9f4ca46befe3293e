package io.chartascode.generator.model;

/** The Service in front of the pods: a type, its port, and the named container port it targets. */
public record ServiceExposure(String type, Value<Integer> port, String targetPortName) {

  public static ServiceExposure clusterIp(Value<Integer> port, String targetPortName) {
    return new ServiceExposure("ClusterIP", port, targetPortName);
  }
}
