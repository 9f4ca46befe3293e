package io.chartascode.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The application's NetworkPolicy (networking.k8s.io/v1), which every application has unless it
 * opts out ({@link OptOut#NO_NETWORK_POLICY}). Ingress is admitted only to the Service's port,
 * and only from the peers named here; {@link #DEFAULT} names the application's own namespace.
 * Egress is unrestricted unless {@link Builder#restrictEgress()} or an egress rule is given; then
 * the pods reach DNS (kube-dns in {@code kube-system}, port 53) and what the rules name.
 */
public final class NetworkPolicy {
  /** Where a pod resolves names: kube-dns in {@code kube-system}, reachable whenever egress is restricted. */
  public static final NetworkPeer CLUSTER_DNS = NetworkPeer.pods("kube-system", Map.of("k8s-app", "kube-dns"));

  /** The DNS port, UDP and TCP, allowed to {@link #CLUSTER_DNS}. */
  public static final int DNS_PORT = 53;

  /** Ingress from the pods of the application's own namespace; egress unrestricted. */
  public static final NetworkPolicy DEFAULT = builder().build();

  /** Pods may reach {@code to} on these TCP ports (all ports if none). */
  public record Egress(NetworkPeer to, List<Integer> ports) {
    public Egress {
      Objects.requireNonNull(to, "to");
      ports = List.copyOf(ports);
    }
  }

  private final List<NetworkPeer> ingressFrom;
  private final Optional<List<Egress>> egress;

  private NetworkPolicy(Builder b) {
    this.ingressFrom = b.ingressFrom.isEmpty() ? List.of(NetworkPeer.sameNamespace()) : List.copyOf(b.ingressFrom);
    this.egress = b.egress == null ? Optional.empty() : Optional.of(List.copyOf(b.egress));
  }

  /** Who may open connections to the Service's port. */
  public List<NetworkPeer> ingressFrom() {
    return ingressFrom;
  }

  /** Where the pods may connect to besides DNS; empty when egress is not restricted. */
  public Optional<List<Egress>> egress() {
    return egress;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkPolicy other && ingressFrom.equals(other.ingressFrom) && egress.equals(other.egress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ingressFrom, egress);
  }

  @Override
  public String toString() {
    return "NetworkPolicy{ingressFrom=" + ingressFrom + ", egress=" + egress + "}";
  }

  /** Builds a {@link NetworkPolicy}. */
  public static final class Builder {
    private final List<NetworkPeer> ingressFrom = new ArrayList<>();
    private List<Egress> egress;

    private Builder() {}

    /** Admits these peers to the Service's port; without any, the own namespace. */
    public Builder allowFrom(NetworkPeer... peers) {
      ingressFrom.addAll(List.of(peers));
      return this;
    }

    /** Restricts egress to DNS and the {@link #allowEgressTo} rules. */
    public Builder restrictEgress() {
      if (egress == null) {
        egress = new ArrayList<>();
      }
      return this;
    }

    /** Lets the pods reach {@code to} on these TCP ports (every port if none); restricts egress. */
    public Builder allowEgressTo(NetworkPeer to, Integer... ports) {
      restrictEgress();
      egress.add(new Egress(to, List.of(ports)));
      return this;
    }

    public NetworkPolicy build() {
      return new NetworkPolicy(this);
    }
  }
}
