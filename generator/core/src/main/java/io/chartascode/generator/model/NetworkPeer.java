package io.chartascode.generator.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Who a {@link NetworkPolicy} lets in, or lets the pods reach: pods of the application's own
 * namespace, a whole namespace, pods by label (in the own namespace or another), or an IP range.
 */
public sealed interface NetworkPeer {
  /** The label the API server sets on every namespace (Kubernetes 1.22+): how a namespace is selected. */
  String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  /**
   * One answer per kind of peer. A new kind adds a method here, so the compiler finds every place
   * that must handle it.
   */
  interface Cases<R> {
    R sameNamespace();

    R namespace(String name);

    R pods(Optional<String> namespace, SortedMap<String, String> labels);

    R cidr(String cidr);
  }

  /** The answer of {@code cases} for this peer. */
  <R> R match(Cases<R> cases);

  /** Every pod of the application's own namespace. */
  static NetworkPeer sameNamespace() {
    return SameNamespace.INSTANCE;
  }

  /** Every pod of the namespace called {@code name}. */
  static NetworkPeer namespace(String name) {
    return new Namespace(name);
  }

  /** The pods of the application's own namespace that carry all of {@code labels}. */
  static NetworkPeer pods(Map<String, String> labels) {
    return new Pods(Optional.empty(), new TreeMap<>(labels));
  }

  /** The pods of namespace {@code namespace} that carry all of {@code labels}. */
  static NetworkPeer pods(String namespace, Map<String, String> labels) {
    return new Pods(Optional.of(namespace), new TreeMap<>(labels));
  }

  /** Addresses in {@code cidr}, for example {@code 10.0.0.0/8}: what is outside the cluster. */
  static NetworkPeer cidr(String cidr) {
    return new IpBlock(cidr);
  }

  /** Every pod of the application's own namespace. */
  enum SameNamespace implements NetworkPeer {
    INSTANCE;

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.sameNamespace();
    }
  }

  /** Every pod of one namespace, selected by its {@code kubernetes.io/metadata.name} label. */
  record Namespace(String name) implements NetworkPeer {
    public Namespace {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.namespace(name);
    }
  }

  /** Pods by label, in the own namespace or in {@code namespace}. */
  record Pods(Optional<String> namespace, SortedMap<String, String> labels) implements NetworkPeer {
    public Pods {
      Objects.requireNonNull(namespace, "namespace");
      labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.pods(namespace, labels);
    }
  }

  /** An IP range. */
  record IpBlock(String cidr) implements NetworkPeer {
    public IpBlock {
      Objects.requireNonNull(cidr, "cidr");
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.cidr(cidr);
    }
  }
}
