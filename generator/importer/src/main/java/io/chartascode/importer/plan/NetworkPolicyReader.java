package io.chartascode.importer.plan;

import static io.chartascode.importer.plan.Shapes.onlyFields;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartascode.generator.model.NetworkPeer;
import io.chartascode.generator.model.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an input NetworkPolicy back into the model's {@link NetworkPolicy}, when it has the shape
 * the model renders: one ingress rule to the Service's target ports from peers the model names,
 * and, when egress is restricted, the DNS rule first and then one rule per peer with TCP ports.
 * Anything else is left to the caller to report; the importer's own comparison of the rendered
 * model with the input checks the rest.
 */
final class NetworkPolicyReader {
  private NetworkPolicyReader() {}

  /** The model's policy for {@code spec}, or empty when the model cannot express it. */
  static Optional<NetworkPolicy> read(JsonNode spec, List<String> targetPortNames) {
    Set<String> types = new java.util.TreeSet<>();
    spec.path("policyTypes").forEach(t -> types.add(t.asText()));
    boolean egress = types.contains("Egress");
    if (!types.contains("Ingress") || types.size() != (egress ? 2 : 1)) {
      return Optional.empty();
    }
    JsonNode ingress = spec.path("ingress");
    if (!ingress.isArray() || ingress.size() != 1 || !onlyFields(ingress.get(0), "from", "ports")) {
      return Optional.empty();
    }
    JsonNode ports = ingress.get(0).path("ports");
    if (ports.size() != targetPortNames.size()) {
      return Optional.empty();
    }
    for (int i = 0; i < ports.size(); i++) {
      if (!isPort(ports.get(i), "TCP", targetPortNames.get(i))) {
        return Optional.empty();
      }
    }
    NetworkPolicy.Builder policy = NetworkPolicy.builder();
    List<NetworkPeer> from = new ArrayList<>();
    for (JsonNode peer : ingress.get(0).path("from")) {
      Optional<NetworkPeer> read = peer(peer);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      from.add(read.get());
    }
    if (from.isEmpty()) {
      return Optional.empty(); // no 'from' admits everyone: not the model's shape
    }
    if (!from.equals(List.of(NetworkPeer.sameNamespace()))) {
      policy.allowFrom(from.toArray(NetworkPeer[]::new));
    }
    if (egress && !egress(spec.path("egress"), policy)) {
      return Optional.empty();
    }
    if (!egress && spec.has("egress")) {
      return Optional.empty();
    }
    return Optional.of(policy.build());
  }

  private static boolean egress(JsonNode rules, NetworkPolicy.Builder policy) {
    if (!rules.isArray() || rules.isEmpty() || !isClusterDns(rules.get(0))) {
      return false;
    }
    policy.restrictEgress();
    for (int i = 1; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      if (!onlyFields(rule, "to", "ports") || rule.path("to").size() != 1) {
        return false;
      }
      Optional<NetworkPeer> to = peer(rule.path("to").get(0));
      List<Integer> ports = new ArrayList<>();
      for (JsonNode port : rule.path("ports")) {
        if (!onlyFields(port, "port", "protocol") || !port.path("protocol").asText().equals("TCP")
            || !port.path("port").isIntegralNumber()) {
          return false;
        }
        ports.add(port.path("port").asInt());
      }
      if (to.isEmpty()) {
        return false;
      }
      policy.allowEgressTo(to.get(), ports.toArray(Integer[]::new));
    }
    return true;
  }

  /** The rule the model renders first whenever egress is restricted: kube-dns, port 53. */
  private static boolean isClusterDns(JsonNode rule) {
    JsonNode to = rule.path("to");
    JsonNode ports = rule.path("ports");
    return onlyFields(rule, "to", "ports")
        && to.size() == 1
        && peer(to.get(0)).equals(Optional.of(NetworkPolicy.CLUSTER_DNS))
        && ports.size() == 2
        && isPort(ports.get(0), "UDP", NetworkPolicy.DNS_PORT)
        && isPort(ports.get(1), "TCP", NetworkPolicy.DNS_PORT);
  }

  private static Optional<NetworkPeer> peer(JsonNode peer) {
    if (peer.has("ipBlock")) {
      JsonNode block = peer.path("ipBlock");
      return onlyFields(peer, "ipBlock") && onlyFields(block, "cidr") && block.path("cidr").isTextual()
          ? Optional.of(NetworkPeer.cidr(block.path("cidr").asText()))
          : Optional.empty();
    }
    if (!onlyFields(peer, "namespaceSelector", "podSelector")) {
      return Optional.empty();
    }
    Optional<String> namespace = Optional.empty();
    if (peer.has("namespaceSelector")) {
      JsonNode selector = peer.path("namespaceSelector");
      JsonNode labels = selector.path("matchLabels");
      JsonNode name = labels.path(NetworkPeer.NAMESPACE_NAME_LABEL);
      if (!onlyFields(selector, "matchLabels") || labels.size() != 1 || !name.isTextual()) {
        return Optional.empty();
      }
      namespace = Optional.of(name.asText());
    }
    if (!peer.has("podSelector")) {
      return namespace.map(NetworkPeer::namespace);
    }
    JsonNode selector = peer.path("podSelector");
    if (selector.isEmpty() && namespace.isEmpty()) {
      return Optional.of(NetworkPeer.sameNamespace());
    }
    if (!onlyFields(selector, "matchExpressions") || selector.path("matchExpressions").isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> labels = new TreeMap<>();
    for (JsonNode expression : selector.path("matchExpressions")) {
      JsonNode values = expression.path("values");
      if (!onlyFields(expression, "key", "operator", "values") || !expression.path("operator").asText().equals("In")
          || values.size() != 1 || labels.put(expression.path("key").asText(), values.get(0).asText()) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(namespace.map(ns -> NetworkPeer.pods(ns, labels)).orElseGet(() -> NetworkPeer.pods(labels)));
  }

  private static boolean isPort(JsonNode port, String protocol, Object number) {
    return onlyFields(port, "port", "protocol")
        && port.path("protocol").asText().equals(protocol)
        && (number instanceof Integer n ? port.path("port").isIntegralNumber() && port.path("port").asInt() == n
            : port.path("port").asText().equals(number));
  }
}
