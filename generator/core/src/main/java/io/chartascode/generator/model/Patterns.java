package io.chartascode.generator.model;

/** Regular expressions for common parameters; they also land in values.schema.json. */
public final class Patterns {
  /** A registry host (optional port) and path, lower case: {@code docker.io/kkrast}, {@code localhost:5000/team}. */
  public static final String HUB =
      "^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*$";

  /** An image repository name, lower case, optionally with path segments. */
  public static final String IMAGE_NAME = "^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$";

  /** A tag as the OCI distribution spec defines it. */
  public static final String TAG = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";

  /**
   * A whole image reference pinned by a tag or a digest: {@code busybox:1.37.0}, {@code
   * mirror.local:5000/library/busybox@sha256:...}. (Go's regexp, which Helm uses, has no lookahead,
   * so {@code latest} cannot be told apart here.)
   */
  public static final String PINNED_IMAGE =
      "^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*"
          + "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$";

  /** A label or annotation key: an optional DNS subdomain and {@code /}, then a name of at most 63 characters. */
  public static final String LABEL_KEY =
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$";

  /** A portable environment variable name. */
  public static final String ENV_NAME = "^[A-Za-z_][A-Za-z0-9_]*$";

  /**
   * A hostname for an Ingress or an HTTPRoute: lower-case RFC 1123 labels, a wildcard only as the
   * whole first label ({@code *.example.com}); the Gateway API's own pattern. Rule CAC-ROUTE-001
   * also checks the lengths and refuses IP addresses.
   */
  public static final String HOSTNAME =
      "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  private Patterns() {}
}
