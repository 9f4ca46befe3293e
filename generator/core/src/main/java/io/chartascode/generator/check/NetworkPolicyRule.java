package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.NetworkPeer;
import io.chartascode.generator.model.NetworkPolicy;
import io.chartascode.generator.model.OptOut;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NetworkPolicy's peers and ports are what the API server accepts: namespaces that are DNS
 * labels, pod labels that are label keys and values (at least one, or the peer would admit every
 * pod), CIDRs (an IPv4 or IPv6 address and a prefix length), and ports from 1 to 65535.
 */
final class NetworkPolicyRule implements Rule {
  private static final Pattern CIDR = Pattern.compile("([0-9a-fA-F.:]+)/([0-9]{1,3})");

  @Override
  public String id() {
    return "CAC-NETPOL-001";
  }

  @Override
  public List<Finding> check(Application app) {
    if (app.optOuts().containsKey(OptOut.NO_NETWORK_POLICY)) {
      return List.of();
    }
    NetworkPolicy policy = app.networkPolicy();
    String path = app.name() + ".networkPolicy";
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < policy.ingressFrom().size(); i++) {
      peer(policy.ingressFrom().get(i), path + ".ingressFrom[" + i + "]", findings);
    }
    List<NetworkPolicy.Egress> egress = policy.egress().orElse(List.of());
    for (int i = 0; i < egress.size(); i++) {
      String rule = path + ".egress[" + i + "]";
      peer(egress.get(i).to(), rule + ".to", findings);
      for (int port : egress.get(i).ports()) {
        if (port < 1 || port > 65535) {
          findings.add(finding(rule + ".ports", "port " + port + " is outside 1-65535"));
        }
      }
    }
    return findings;
  }

  private void peer(NetworkPeer peer, String path, List<Finding> findings) {
    peer.match(
        new NetworkPeer.Cases<Void>() {
          @Override
          public Void sameNamespace() {
            return null;
          }

          @Override
          public Void namespace(String name) {
            namespaceName(name, path + ".namespace", findings);
            return null;
          }

          @Override
          public Void pods(Optional<String> namespace, SortedMap<String, String> labels) {
            namespace.ifPresent(ns -> namespaceName(ns, path + ".namespace", findings));
            if (labels.isEmpty()) {
              findings.add(finding(path + ".labels", "selects pods by no label, which admits every pod;"
                  + " name at least one label, or use NetworkPeer.namespace(...) or sameNamespace()"));
            }
            labels.forEach((key, value) -> {
              if (!KubernetesNames.isLabelKey(key)) {
                findings.add(finding(path + ".labels", "'" + key + "' is not a label key"));
              }
              if (!KubernetesNames.isLabelValue(value)) {
                findings.add(finding(path + ".labels[" + key + "]", "'" + value + "' is not a label value:"
                    + " at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"));
              }
            });
            return null;
          }

          @Override
          public Void cidr(String cidr) {
            if (!isCidr(cidr)) {
              findings.add(finding(path + ".cidr", "'" + cidr + "' is not a CIDR such as 10.0.0.0/8 or fd00::/8"));
            }
            return null;
          }
        });
  }

  private void namespaceName(String name, String path, List<Finding> findings) {
    if (!KubernetesNames.isDnsLabel(name)) {
      findings.add(finding(path, "'" + name + "' is not a namespace name (a DNS-1123 label)"));
    }
  }

  /** An IPv4 or IPv6 literal and a prefix length that fits it; no name is ever looked up. */
  static boolean isCidr(String cidr) {
    Matcher m = CIDR.matcher(cidr);
    if (!m.matches()) {
      return false;
    }
    String address = m.group(1);
    boolean v6 = address.contains(":");
    if (!v6 && !address.matches("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}")) {
      return false;
    }
    try {
      InetAddress parsed = InetAddress.getByName(address); // a literal: parsed, never resolved
      int prefix = Integer.parseInt(m.group(2));
      int bits = parsed.getAddress().length * 8;
      return prefix <= bits && v6 == (bits == 128);
    } catch (UnknownHostException | NumberFormatException e) {
      return false;
    }
  }
}
