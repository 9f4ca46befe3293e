package io.chartascode.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The application's Ingress (networking.k8s.io/v1): rules of a host and its paths, each path sent to
 * a port of the application's Service, and TLS from Secrets. Hosts, paths, the class and the Secret
 * names are {@link Value}s, so each environment can have its own ({@code orders.dev.example.com} in
 * dev, {@code orders.example.com} in prod); {@link Builder#enabled} switches the whole object.
 *
 * <pre>{@code
 * Ingress.builder()
 *     .enabled(Value.of(INGRESS_ENABLED))   // false by default, true in dev
 *     .className("nginx")
 *     .annotations(INGRESS_ANNOTATIONS)
 *     .rule(Value.of(INGRESS_HOST), Ingress.Path.prefix("/"))
 *     .tls(Value.fixed("orders-tls"), Value.of(INGRESS_HOST))
 *     .build();
 * }</pre>
 */
public final class Ingress {
  /** How a path matches a request's path, as Kubernetes spells it. */
  public enum PathType {
    PREFIX("Prefix"),
    EXACT("Exact"),
    IMPLEMENTATION_SPECIFIC("ImplementationSpecific");

    private final String kubernetesName;

    PathType(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    /** {@code Prefix}, {@code Exact} or {@code ImplementationSpecific}. */
    public String kubernetesName() {
      return kubernetesName;
    }
  }

  /**
   * A path of a rule and the Service port its requests go to.
   *
   * @param servicePort the name of a Service port (the container port it targets); empty for the
   *     Service's first port, the application's
   */
  public record Path(Value<String> path, PathType type, Optional<String> servicePort) {
    public Path {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(servicePort, "servicePort");
    }

    /** Requests whose path starts with {@code path}, element by element, to the application's port. */
    public static Path prefix(String path) {
      return new Path(Value.fixed(path), PathType.PREFIX, Optional.empty());
    }

    /** Requests for exactly {@code path}, to the application's port. */
    public static Path exact(String path) {
      return new Path(Value.fixed(path), PathType.EXACT, Optional.empty());
    }

    /** The same path, sent to the Service port named {@code servicePort}. */
    public Path to(String servicePort) {
      return new Path(path, type, Optional.of(servicePort));
    }
  }

  /** A host and its paths. */
  public record Rule(Value<String> host, List<Path> paths) {
    public Rule {
      Objects.requireNonNull(host, "host");
      paths = List.copyOf(paths);
    }
  }

  /** The Secret with the certificate for {@code hosts}. */
  public record Tls(List<Value<String>> hosts, Value<String> secretName) {
    public Tls {
      hosts = List.copyOf(hosts);
      Objects.requireNonNull(secretName, "secretName");
    }
  }

  private final Value<Boolean> enabled;
  private final Optional<Value<String>> className;
  private final Optional<Parameter<SortedMap<String, String>>> annotations;
  private final List<Rule> rules;
  private final List<Tls> tls;

  private Ingress(Builder b) {
    this.enabled = b.enabled;
    this.className = Optional.ofNullable(b.className);
    this.annotations = Optional.ofNullable(b.annotations);
    this.rules = List.copyOf(b.rules);
    this.tls = List.copyOf(b.tls);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether the Ingress exists. Default: always. */
  public Value<Boolean> enabled() {
    return enabled;
  }

  /** {@code spec.ingressClassName}. Default: none, the cluster's default class. */
  public Optional<Value<String>> className() {
    return className;
  }

  /** A map parameter of the Ingress's annotations, e.g. a controller's settings. Default: none. */
  public Optional<Parameter<SortedMap<String, String>>> annotations() {
    return annotations;
  }

  /** The rules, in the order they were added. */
  public List<Rule> rules() {
    return rules;
  }

  /** The TLS entries, in the order they were added. Default: none, plain HTTP. */
  public List<Tls> tls() {
    return tls;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ingress other && enabled.equals(other.enabled) && className.equals(other.className)
        && annotations.equals(other.annotations) && rules.equals(other.rules) && tls.equals(other.tls);
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, className, annotations, rules, tls);
  }

  @Override
  public String toString() {
    return "Ingress{enabled=" + enabled + ", className=" + className + ", annotations=" + annotations
        + ", rules=" + rules + ", tls=" + tls + "}";
  }

  /** Builds an {@link Ingress}. */
  public static final class Builder {
    private Value<Boolean> enabled = Value.fixed(true);
    private Value<String> className;
    private Parameter<SortedMap<String, String>> annotations;
    private final List<Rule> rules = new ArrayList<>();
    private final List<Tls> tls = new ArrayList<>();

    private Builder() {}

    /** Whether the Ingress exists, e.g. a boolean parameter that an environment turns on. */
    public Builder enabled(Value<Boolean> enabled) {
      this.enabled = Objects.requireNonNull(enabled, "enabled");
      return this;
    }

    public Builder className(String className) {
      return className(Value.fixed(className));
    }

    public Builder className(Value<String> className) {
      this.className = Objects.requireNonNull(className, "className");
      return this;
    }

    /** The annotations come from this map parameter; a values file or an environment adds to them. */
    public Builder annotations(Parameter<SortedMap<String, String>> annotations) {
      this.annotations = Objects.requireNonNull(annotations, "annotations");
      return this;
    }

    /** Requests for {@code host} on these paths. */
    public Builder rule(Value<String> host, Path path, Path... more) {
      List<Path> paths = new ArrayList<>(List.of(path));
      paths.addAll(List.of(more));
      return rule(new Rule(host, paths));
    }

    public Builder rule(Rule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** TLS for these hosts, with the certificate in Secret {@code secretName}. */
    @SafeVarargs
    public final Builder tls(Value<String> secretName, Value<String> host, Value<String>... more) {
      List<Value<String>> hosts = new ArrayList<>(List.of(host));
      hosts.addAll(List.of(more));
      return tls(new Tls(hosts, secretName));
    }

    public Builder tls(Tls tls) {
      this.tls.add(Objects.requireNonNull(tls, "tls"));
      return this;
    }

    public Ingress build() {
      return new Ingress(this);
    }
  }
}
