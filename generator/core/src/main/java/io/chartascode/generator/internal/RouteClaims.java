package io.chartascode.generator.internal;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the application's Ingress paths and HTTPRoute matches claim, each with its path in
 * findings: the model's rule (CAC-ROUTE-005) and the chart's install-time check read the same list.
 */
public final class RouteClaims {
  private RouteClaims() {}

  /**
   * What one Ingress path or one HTTPRoute match claims while its object is enabled: requests for
   * a host (empty: every host) with a path of a kind, and headers. Ingress {@code Prefix} and
   * HTTPRoute {@code PathPrefix} are one kind.
   */
  public record Claim(
      String path,
      Value<Boolean> enabled,
      Optional<Value<String>> host,
      String pathType,
      Value<String> value,
      List<HttpRoute.HeaderMatch> headers) {
    /** The header matches by name in lower case: HTTP compares header names without case. */
    public SortedMap<String, HttpRoute.HeaderMatch> headersByName() {
      SortedMap<String, HttpRoute.HeaderMatch> byName = new TreeMap<>();
      headers.forEach(h -> byName.put(h.name().toLowerCase(Locale.ROOT), h));
      return byName;
    }
  }

  /** How to resolve two claims on the same requests, in the rule's findings and the chart's failure. */
  public static final String HOW_TO_FIX = "give one another host or path, or enable only one of them";

  /** Where the application's Ingress is in findings: {@code orders.ingress}. */
  public static String ingress(Application app) {
    return app.name() + ".ingress";
  }

  /** Where the application's HTTPRoute is in findings: {@code orders.httpRoute}. */
  public static String httpRoute(Application app) {
    return app.name() + ".httpRoute";
  }

  /** Every claim, the Ingress's first; an HTTPRoute match once per hostname. */
  public static List<Claim> of(Application app) {
    List<Claim> claims = new ArrayList<>();
    app.ingress().ifPresent(ingress -> {
      for (int i = 0; i < ingress.rules().size(); i++) {
        Ingress.Rule rule = ingress.rules().get(i);
        for (int j = 0; j < rule.paths().size(); j++) {
          Ingress.Path path = rule.paths().get(j);
          claims.add(new Claim(ingress(app) + ".rules[" + i + "].paths[" + j + "]", ingress.enabled(),
              Optional.of(rule.host()), pathType(path.type()), path.path(), List.of()));
        }
      }
    });
    app.httpRoute().ifPresent(route -> {
      List<Optional<Value<String>>> hosts = new ArrayList<>();
      route.hostnames().forEach(host -> hosts.add(Optional.of(host)));
      if (hosts.isEmpty()) {
        hosts.add(Optional.empty());
      }
      for (int i = 0; i < route.rules().size(); i++) {
        List<HttpRoute.Match> matches = route.rules().get(i).matches();
        for (int j = 0; j < matches.size(); j++) {
          HttpRoute.Match match = matches.get(j);
          for (Optional<Value<String>> host : hosts) {
            claims.add(new Claim(httpRoute(app) + ".rules[" + i + "].matches[" + j + "]", route.enabled(), host,
                match.pathType() == HttpRoute.PathType.PATH_PREFIX ? "prefix" : "exact", match.path(), match.headers()));
          }
        }
      }
    });
    return claims;
  }

  private static String pathType(Ingress.PathType type) {
    return switch (type) {
      case PREFIX -> "prefix";
      case EXACT -> "exact";
      case IMPLEMENTATION_SPECIFIC -> "implementation-specific";
    };
  }
}
