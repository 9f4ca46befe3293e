package io.chartascode.generator.model;

/** An HTTP GET probe against a named container port. */
public record HttpProbe(String path, String portName) {

  public static HttpProbe get(String path, String portName) {
    return new HttpProbe(path, portName);
  }
}
