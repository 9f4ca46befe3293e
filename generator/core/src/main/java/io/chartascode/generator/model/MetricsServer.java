package io.chartascode.generator.model;

/**
 * A Kustomize component that installs metrics-server, which a HorizontalPodAutoscaler needs, for
 * clusters that lack it. A catalog asks for it ({@code Catalog.metricsServer()}); nothing adds it
 * by default, since most clusters have one.
 *
 * @param kubeletInsecureTls pass {@code --kubelet-insecure-tls}: for local clusters such as kind,
 *     whose kubelets serve self-signed certificates; never for a real one
 */
public record MetricsServer(boolean kubeletInsecureTls) {
  /** For kind and other local clusters: the kubelets' certificates are not verified. */
  public static MetricsServer forLocalCluster() {
    return new MetricsServer(true);
  }
}
