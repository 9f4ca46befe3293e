package io.chartascode.importer.plan;

import static io.chartascode.importer.plan.Shapes.onlyFields;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.CodeBlock;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.NetworkPeer;
import io.chartascode.generator.model.NetworkPolicy;
import io.chartascode.generator.model.OptOut;
import io.chartascode.importer.read.InputObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the NetworkPolicy that selects the pods back into the model's {@link NetworkPolicy}, when it
 * has the shape the model renders: one ingress rule to the Service's target ports from peers the
 * model names, and, when egress is restricted, the DNS rule first and then one rule per peer with
 * TCP ports. Anything else is listed as not imported; the importer's own comparison of the rendered
 * model with the input checks the rest.
 */
final class NetworkPolicyReader implements PartReader<NetworkPolicy> {
  @Override
  public Class<? extends HasMetadata> type() {
    return io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class;
  }

  @Override
  public boolean belongs(InputObject policy, Reading reading) {
    return Shapes.selects(policy.tree().at("/spec/podSelector/matchLabels"), reading.podLabels());
  }

  @Override
  public Optional<NetworkPolicy> read(InputObject policy, Reading reading) {
    return policy(policy.tree().path("spec"), ServiceReader.of(reading).targetPortNames());
  }

  @Override
  public String notImported(InputObject policy, InputObject deployment) {
    return "it does not select the pods of " + deployment.id() + ", or its rules are not the"
        + " model's: one ingress rule to the Service's port from namespaces, pods (matchExpressions) or CIDRs,"
        + " and DNS first among the egress rules";
  }

  @Override
  public Map<OptOut, String> optOutsWithout(Application app) {
    return Map.of(OptOut.NO_NETWORK_POLICY, "Imported as is: the input has no NetworkPolicy the model expresses, so"
        + " every pod of the cluster may connect. Remove this opt-out to admit only the pods of the own namespace.");
  }

  @Override
  public void build(NetworkPolicy policy, Application.Builder app, PlanInterpreter interpreter) {
    app.networkPolicy(policy);
  }

  /** {@code NetworkPolicy.builder()...build()}, one call per line; nothing for the model's default. */
  @Override
  public CodeBlock source(NetworkPolicy policy) {
    if (policy.equals(NetworkPolicy.DEFAULT)) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()$>$>", NetworkPolicy.class);
    if (!policy.ingressFrom().equals(NetworkPolicy.DEFAULT.ingressFrom())) {
      code.add("\n.allowFrom($L)", CodeBlock.join(policy.ingressFrom().stream().map(NetworkPolicyReader::peerSource).toList(), ", "));
    }
    policy.egress().ifPresent(rules -> {
      if (rules.isEmpty()) {
        code.add("\n.restrictEgress()");
      }
      for (NetworkPolicy.Egress rule : rules) {
        code.add("\n.allowEgressTo($L", peerSource(rule.to()));
        rule.ports().forEach(port -> code.add(", $L", port));
        code.add(")");
      }
    });
    return CodeBlock.of("\n.networkPolicy($L)", code.add("\n.build()$<$<").build());
  }

  /** The model's policy for {@code spec}, or empty when the model cannot express it. */
  private static Optional<NetworkPolicy> policy(JsonNode spec, List<String> targetPortNames) {
    Set<String> types = new TreeSet<>();
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

  private static CodeBlock peerSource(NetworkPeer peer) {
    return peer.match(
        new NetworkPeer.Cases<>() {
          @Override
          public CodeBlock sameNamespace() {
            return CodeBlock.of("$T.sameNamespace()", NetworkPeer.class);
          }

          @Override
          public CodeBlock namespace(String name) {
            return CodeBlock.of("$T.namespace($S)", NetworkPeer.class, name);
          }

          @Override
          public CodeBlock pods(Optional<String> namespace, SortedMap<String, String> labels) {
            // Map.of takes at most ten pairs.
            CodeBlock map = labels.size() <= 10
                ? CodeBlock.of("$T.of($L)", Map.class, CodeBlock.join(labels.entrySet().stream()
                    .map(e -> CodeBlock.of("$S, $S", e.getKey(), e.getValue())).toList(), ", "))
                : CodeBlock.of("$T.ofEntries($L)", Map.class, CodeBlock.join(labels.entrySet().stream()
                    .map(e -> CodeBlock.of("$T.entry($S, $S)", Map.class, e.getKey(), e.getValue())).toList(), ", "));
            return namespace.map(ns -> CodeBlock.of("$T.pods($S, $L)", NetworkPeer.class, ns, map))
                .orElseGet(() -> CodeBlock.of("$T.pods($L)", NetworkPeer.class, map));
          }

          @Override
          public CodeBlock cidr(String cidr) {
            return CodeBlock.of("$T.cidr($S)", NetworkPeer.class, cidr);
          }
        });
  }
}
