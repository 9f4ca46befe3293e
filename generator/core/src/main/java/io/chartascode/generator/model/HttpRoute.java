package io.chartascode.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The application's Gateway API HTTPRoute (gateway.networking.k8s.io/v1): attached to Gateways
 * ({@link ParentRef}), for some hostnames, with rules that match a path and headers and send the
 * requests to a port of the application's Service. Hostnames, paths, header values and the
 * Gateway's name and namespace are {@link Value}s, so each environment can have its own; {@link
 * Builder#enabled} switches the whole object.
 *
 * <pre>{@code
 * HttpRoute.builder()
 *     .enabled(Value.of(ROUTE_ENABLED))     // false by default, true in prod
 *     .parentRef(HttpRoute.ParentRef.gateway("gateway-system", "public"))
 *     .hostname(Value.of(ROUTE_HOSTNAME))
 *     .rule(HttpRoute.Match.pathPrefix("/"))
 *     .build();
 * }</pre>
 */
public final class HttpRoute {
  /** How a match compares the request's path. */
  public enum PathType {
    PATH_PREFIX("PathPrefix"),
    EXACT("Exact");

    private final String kubernetesName;

    PathType(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    /** {@code PathPrefix} or {@code Exact}, as the Gateway API spells it. */
    public String kubernetesName() {
      return kubernetesName;
    }
  }

  /** How a header match compares the header's value. */
  public enum HeaderMatchType {
    EXACT("Exact"),
    REGULAR_EXPRESSION("RegularExpression");

    private final String kubernetesName;

    HeaderMatchType(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    /** {@code Exact} or {@code RegularExpression}, as the Gateway API spells it. */
    public String kubernetesName() {
      return kubernetesName;
    }
  }

  /**
   * A Gateway the route attaches to.
   *
   * @param namespace the Gateway's namespace; empty for the route's own
   * @param sectionName one listener of the Gateway; empty for all of them
   */
  public record ParentRef(Value<String> name, Optional<Value<String>> namespace, Optional<String> sectionName) {
    public ParentRef {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(sectionName, "sectionName");
    }

    /** The Gateway {@code name} in the route's own namespace. */
    public static ParentRef gateway(String name) {
      return new ParentRef(Value.fixed(name), Optional.empty(), Optional.empty());
    }

    /** The Gateway {@code name} in {@code namespace}. */
    public static ParentRef gateway(String namespace, String name) {
      return new ParentRef(Value.fixed(name), Optional.of(Value.fixed(namespace)), Optional.empty());
    }

    /** The same Gateway, only its listener {@code sectionName}. */
    public ParentRef section(String sectionName) {
      return new ParentRef(name, namespace, Optional.of(sectionName));
    }
  }

  /** A header the request must have, with a value that is or matches {@code value}. */
  public record HeaderMatch(HeaderMatchType type, String name, Value<String> value) {
    public HeaderMatch {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A path, and headers that must all match too. */
  public record Match(PathType pathType, Value<String> path, List<HeaderMatch> headers) {
    public Match {
      Objects.requireNonNull(pathType, "pathType");
      Objects.requireNonNull(path, "path");
      headers = List.copyOf(headers);
    }

    /** Requests whose path starts with {@code path}, element by element. */
    public static Match pathPrefix(String path) {
      return new Match(PathType.PATH_PREFIX, Value.fixed(path), List.of());
    }

    /** Requests for exactly {@code path}. */
    public static Match exact(String path) {
      return new Match(PathType.EXACT, Value.fixed(path), List.of());
    }

    /** The same match, only for requests whose header {@code name} is {@code value}. */
    public Match header(String name, String value) {
      return header(new HeaderMatch(HeaderMatchType.EXACT, name, Value.fixed(value)));
    }

    /** The same match, only for requests with this header. */
    public Match header(HeaderMatch header) {
      List<HeaderMatch> more = new ArrayList<>(headers);
      more.add(header);
      return new Match(pathType, path, more);
    }
  }

  /**
   * Matches whose requests go to one Service port.
   *
   * @param servicePort the name of a Service port (the container port it targets); empty for the
   *     Service's first port, the application's
   */
  public record Rule(List<Match> matches, Optional<String> servicePort) {
    public Rule {
      matches = List.copyOf(matches);
      Objects.requireNonNull(servicePort, "servicePort");
    }

    /** Requests that fit any of the matches, to the application's port. */
    public static Rule matching(Match match, Match... more) {
      List<Match> matches = new ArrayList<>(List.of(match));
      matches.addAll(List.of(more));
      return new Rule(matches, Optional.empty());
    }

    /** The same rule, sending to the Service port named {@code servicePort}. */
    public Rule to(String servicePort) {
      return new Rule(matches, Optional.of(servicePort));
    }
  }

  private final Value<Boolean> enabled;
  private final List<ParentRef> parentRefs;
  private final List<Value<String>> hostnames;
  private final List<Rule> rules;

  private HttpRoute(Builder b) {
    this.enabled = b.enabled;
    this.parentRefs = List.copyOf(b.parentRefs);
    this.hostnames = List.copyOf(b.hostnames);
    this.rules = List.copyOf(b.rules);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether the HTTPRoute exists. Default: always. */
  public Value<Boolean> enabled() {
    return enabled;
  }

  /** The Gateways it attaches to. */
  public List<ParentRef> parentRefs() {
    return parentRefs;
  }

  /** The hostnames it serves. Default: none, every hostname of the Gateway's listeners. */
  public List<Value<String>> hostnames() {
    return hostnames;
  }

  /** The rules, in the order they were added. */
  public List<Rule> rules() {
    return rules;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpRoute other && enabled.equals(other.enabled) && parentRefs.equals(other.parentRefs)
        && hostnames.equals(other.hostnames) && rules.equals(other.rules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, parentRefs, hostnames, rules);
  }

  @Override
  public String toString() {
    return "HttpRoute{enabled=" + enabled + ", parentRefs=" + parentRefs + ", hostnames=" + hostnames
        + ", rules=" + rules + "}";
  }

  /** Builds an {@link HttpRoute}. */
  public static final class Builder {
    private Value<Boolean> enabled = Value.fixed(true);
    private final List<ParentRef> parentRefs = new ArrayList<>();
    private final List<Value<String>> hostnames = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();

    private Builder() {}

    /** Whether the HTTPRoute exists, e.g. a boolean parameter that an environment turns on. */
    public Builder enabled(Value<Boolean> enabled) {
      this.enabled = Objects.requireNonNull(enabled, "enabled");
      return this;
    }

    public Builder parentRef(ParentRef parentRef) {
      parentRefs.add(Objects.requireNonNull(parentRef, "parentRef"));
      return this;
    }

    public Builder hostname(Value<String> hostname) {
      hostnames.add(Objects.requireNonNull(hostname, "hostname"));
      return this;
    }

    /** Requests that fit any of the matches, to the application's port. */
    public Builder rule(Match match, Match... more) {
      return rule(Rule.matching(match, more));
    }

    public Builder rule(Rule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    public HttpRoute build() {
      return new HttpRoute(this);
    }
  }
}
