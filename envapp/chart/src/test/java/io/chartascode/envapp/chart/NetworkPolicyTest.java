package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.Generator;
import io.chartascode.generator.check.Finding;
import io.chartascode.generator.check.ModelValidator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.NetworkPeer;
import io.chartascode.generator.model.NetworkPolicy;
import io.chartascode.generator.model.OptOut;
import io.chartascode.testing.ChartAsCodeTests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.ToolPair;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every application gets a NetworkPolicy: ingress to the Service's port from its own namespace by
 * default, from the peers the model names otherwise, and egress restricted to DNS plus the
 * model's rules where it asks. The model and the file it gives, side by side.
 */
class NetworkPolicyTest {
  private static final Application ENVAPP = EnvApp.application();

  /** Every kind of peer, and restricted egress. */
  private static final Application LOCKED_DOWN =
      ENVAPP.toBuilder()
          .networkPolicy(
              NetworkPolicy.builder()
                  .allowFrom(
                      NetworkPeer.namespace("ingress-nginx"),
                      NetworkPeer.pods(Map.of("app.kubernetes.io/name", "frontend")),
                      NetworkPeer.pods("monitoring", Map.of("app", "prometheus")),
                      NetworkPeer.cidr("10.0.0.0/8"))
                  .allowEgressTo(NetworkPeer.cidr("203.0.113.0/24"), 443)
                  .build())
          .build();

  private static String policy(Application app) {
    return Generator.render(List.of(app)).get("kustomize/envapp/base/networkpolicy.yaml");
  }

  @Test
  void byDefaultOnlyTheOwnNamespaceReachesTheServicePort() {
    assertThat(policy(ENVAPP)).endsWith("""
        spec:
          ingress:
            - from:
                - podSelector: {}
              ports:
                - port: http
                  protocol: TCP
          podSelector:
            matchLabels:
              app.kubernetes.io/instance: envapp
              app.kubernetes.io/name: envapp
          policyTypes:
            - Ingress
        """);
  }

  @Test
  void peersSelectPodsByExpressionsAndRestrictedEgressKeepsDns() {
    // matchExpressions, not matchLabels: Kustomize's labels transformer would add envapp's own
    // labels to a peer's podSelector.matchLabels, in the Kustomize tree only.
    assertThat(policy(LOCKED_DOWN)).endsWith("""
        spec:
          egress:
            - ports:
                - port: 53
                  protocol: UDP
                - port: 53
                  protocol: TCP
              to:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: kube-system
                  podSelector:
                    matchExpressions:
                      - key: k8s-app
                        operator: In
                        values:
                          - kube-dns
            - ports:
                - port: 443
                  protocol: TCP
              to:
                - ipBlock:
                    cidr: "203.0.113.0/24"
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: ingress-nginx
                - podSelector:
                    matchExpressions:
                      - key: app.kubernetes.io/name
                        operator: In
                        values:
                          - frontend
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: monitoring
                  podSelector:
                    matchExpressions:
                      - key: app
                        operator: In
                        values:
                          - prometheus
                - ipBlock:
                    cidr: "10.0.0.0/8"
              ports:
                - port: http
                  protocol: TCP
          podSelector:
            matchLabels:
              app.kubernetes.io/instance: envapp
              app.kubernetes.io/name: envapp
          policyTypes:
            - Ingress
            - Egress
        """);
  }

  @Test
  void helmAndKustomizeRenderTheSamePolicyInEveryEnvironment(@TempDir Path root) {
    Renders.generate(root, List.of(LOCKED_DOWN));
    for (ToolPair pair : ToolPair.tested()) {
      for (Environment env : LOCKED_DOWN.environments()) {
        String helm = Renders.helmTemplate(pair.helm(), root, LOCKED_DOWN, env);
        assertThat(helm).contains("kind: NetworkPolicy");
        ChartAsCodeTests.assertSameObjects(pair + " " + env.name(), helm,
            Renders.kustomize(pair.kubectl(), Renders.overlay(root, LOCKED_DOWN, env)));
      }
    }
  }

  @Test
  void anOptOutLeavesItOut() {
    Application open = ENVAPP.toBuilder().optOut(OptOut.NO_NETWORK_POLICY, "reached from every namespace").build();

    assertThat(Generator.render(List.of(open)).keySet()).noneMatch(path -> path.endsWith("/networkpolicy.yaml"));
  }

  @Test
  void peersTheApiServerWouldRefuseAreFindings() {
    Application bad = ENVAPP.toBuilder()
        .networkPolicy(
            NetworkPolicy.builder()
                .allowFrom(NetworkPeer.namespace("Ingress_NGINX"), NetworkPeer.pods(Map.of()),
                    NetworkPeer.pods(Map.of("app", "-front")), NetworkPeer.cidr("10.0.0.0/33"), NetworkPeer.cidr("example.com/8"))
                .allowEgressTo(NetworkPeer.cidr("fd00::/8"), 0, 443)
                .build())
        .build();

    assertThat(ModelValidator.check(List.of(bad))).extracting(Finding::toString).containsExactly(
        "[CAC-NETPOL-001] envapp.networkPolicy.ingressFrom[0].namespace: 'Ingress_NGINX' is not a namespace name (a DNS-1123 label)",
        "[CAC-NETPOL-001] envapp.networkPolicy.ingressFrom[1].labels: selects pods by no label, which admits every pod;"
            + " name at least one label, or use NetworkPeer.namespace(...) or sameNamespace()",
        "[CAC-NETPOL-001] envapp.networkPolicy.ingressFrom[2].labels[app]: '-front' is not a label value: at most 63 letters,"
            + " digits, '-', '_' or '.', starting and ending with a letter or digit",
        "[CAC-NETPOL-001] envapp.networkPolicy.ingressFrom[3].cidr: '10.0.0.0/33' is not a CIDR such as 10.0.0.0/8 or fd00::/8",
        "[CAC-NETPOL-001] envapp.networkPolicy.ingressFrom[4].cidr: 'example.com/8' is not a CIDR such as 10.0.0.0/8 or fd00::/8",
        "[CAC-NETPOL-001] envapp.networkPolicy.egress[0].ports: port 0 is outside 1-65535");
  }
}
