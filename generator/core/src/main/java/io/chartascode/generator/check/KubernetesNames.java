package io.chartascode.generator.check;

import java.util.Arrays;
import java.util.regex.Pattern;

/** The API server's syntax for names, label keys and label values, so the model fails first. */
final class KubernetesNames {
  static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern IPV4 = Pattern.compile("[0-9]+(\\.[0-9]+){3}");
  static final int MAX_LABEL = 63;

  private KubernetesNames() {}

  /** A label key: an optional DNS subdomain prefix and {@code /}, then a name of at most 63. */
  static boolean isLabelKey(String key) {
    int slash = key.lastIndexOf('/');
    String name = key.substring(slash + 1);
    boolean prefixOk =
        slash < 0
            || (slash <= 253 && DNS_1123_SUBDOMAIN.matcher(key.substring(0, slash)).matches());
    return prefixOk && name.length() <= MAX_LABEL && QUALIFIED_NAME.matcher(name).matches();
  }

  /** A label value: at most 63 letters, digits, '-', '_' or '.', alphanumeric at both ends. */
  static boolean isLabelValue(String value) {
    return value.length() <= MAX_LABEL && LABEL_VALUE.matcher(value).matches();
  }

  /** An object name such as a Secret's or a PriorityClass's: a DNS-1123 subdomain. */
  static boolean isObjectName(String name) {
    return name.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(name).matches();
  }

  /**
   * A hostname of an Ingress or an HTTPRoute: RFC 1123 labels (lower case, at most 63 characters
   * each, 253 in all), where a wildcard may only be the whole first label ({@code *.example.com}),
   * and no IP address, which both APIs refuse.
   */
  static boolean isHostname(String host) {
    String name = host.startsWith("*.") ? host.substring(2) : host;
    return host.length() <= 253
        && DNS_1123_SUBDOMAIN.matcher(name).matches()
        && Arrays.stream(name.split("\\.")).allMatch(label -> label.length() <= MAX_LABEL)
        && !IPV4.matcher(name).matches();
  }

  /** A DNS-1123 label, at most 63 characters: a namespace's or a volume's name. */
  static boolean isDnsLabel(String name) {
    return name.length() <= MAX_LABEL && DNS_1123_LABEL.matcher(name).matches();
  }
}
