package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.NetworkPeer;
import io.chartascode.generator.model.NetworkPolicy;
import io.chartascode.generator.model.OptOut;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The NetworkPolicy (networking.k8s.io/v1): ingress to the Service's target ports from the
 * model's peers, and, where egress is restricted, DNS plus the model's egress rules.
 *
 * <p>Peers select pods with {@code matchExpressions}, never {@code matchLabels}: Kustomize's label
 * transformer adds the application's labels to every NetworkPolicy {@code podSelector.matchLabels}
 * it finds, which would narrow a peer to the application's own pods in the Kustomize tree only.
 */
final class NetworkPolicyPart implements Part {
  @Override
  public String stem() {
    return "networkpolicy";
  }

  @Override
  public boolean appliesTo(Application app) {
    return !app.optOuts().containsKey(OptOut.NO_NETWORK_POLICY);
  }

  @Override
  public HasMetadata build(Application app, Binder b) {
    NetworkPolicy policy = app.networkPolicy();
    List<String> types = new ArrayList<>(List.of("Ingress"));
    policy.egress().ifPresent(rules -> types.add("Egress"));
    io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy object = new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy();
    object.setMetadata(Part.metadata(b));
    NetworkPolicySpec spec = new NetworkPolicySpec();
    spec.setPodSelector(Part.selector(b.selectorLabels()));
    spec.setPolicyTypes(types);
    spec.setIngress(List.of(new NetworkPolicyIngressRule(
        policy.ingressFrom().stream().map(NetworkPolicyPart::peer).toList(),
        app.service().ports().stream().map(p -> port("TCP", new IntOrString(p.targetPortName()))).toList())));
    spec.setEgress(policy.egress().map(NetworkPolicyPart::egress).orElse(List.of()));
    object.setSpec(spec);
    return object;
  }

  private static List<NetworkPolicyEgressRule> egress(List<NetworkPolicy.Egress> rules) {
    List<NetworkPolicyEgressRule> egress = new ArrayList<>();
    egress.add(new NetworkPolicyEgressRule(
        List.of(port("UDP", new IntOrString(NetworkPolicy.DNS_PORT)), port("TCP", new IntOrString(NetworkPolicy.DNS_PORT))),
        List.of(peer(NetworkPolicy.CLUSTER_DNS))));
    for (NetworkPolicy.Egress rule : rules) {
      egress.add(new NetworkPolicyEgressRule(
          rule.ports().stream().map(p -> port("TCP", new IntOrString(p))).toList(), List.of(peer(rule.to()))));
    }
    return egress;
  }

  private static NetworkPolicyPeer peer(NetworkPeer peer) {
    return peer.match(
        new NetworkPeer.Cases<>() {
          @Override
          public NetworkPolicyPeer sameNamespace() {
            return new NetworkPolicyPeer(null, null, new LabelSelector());
          }

          @Override
          public NetworkPolicyPeer namespace(String name) {
            return new NetworkPolicyPeer(null, namespaceSelector(name), null);
          }

          @Override
          public NetworkPolicyPeer pods(Optional<String> namespace, SortedMap<String, String> labels) {
            return new NetworkPolicyPeer(null, namespace.map(NetworkPolicyPart::namespaceSelector).orElse(null), expressions(labels));
          }

          @Override
          public NetworkPolicyPeer cidr(String cidr) {
            return new NetworkPolicyPeer(new IPBlock(cidr, List.of()), null, null);
          }
        });
  }

  private static LabelSelector namespaceSelector(String name) {
    return Part.selector(Map.of(NetworkPeer.NAMESPACE_NAME_LABEL, name));
  }

  private static LabelSelector expressions(Map<String, String> labels) {
    LabelSelector selector = new LabelSelector();
    new TreeMap<>(labels).forEach((key, value) -> selector.getMatchExpressions().add(new LabelSelectorRequirement(key, "In", List.of(value))));
    return selector;
  }

  private static NetworkPolicyPort port(String protocol, IntOrString port) {
    return new NetworkPolicyPort(null, port, protocol);
  }
}
