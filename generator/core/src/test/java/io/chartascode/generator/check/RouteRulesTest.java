package io.chartascode.generator.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.TestApplications;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.HttpRoute.Match;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.Ingress.Path;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The route rules, CAC-ROUTE-001 to 006: each with a model that breaks it and the findings it
 * gives, side by side. The values vary by environment, so each rule is checked for the defaults
 * and for every environment, and names the one where a value goes wrong.
 */
class RouteRulesTest {
  private static final Parameter<String> HOST = Parameter.string("host", "shop.example.com").build();
  private static final Parameter<Boolean> INGRESS = Parameter.bool("ingress.enabled", false).build();
  private static final Parameter<Boolean> ROUTE = Parameter.bool("httpRoute.enabled", false).build();
  private static final String NOT_A_HOSTNAME = " is not a hostname: lower-case RFC 1123 labels of at most 63 letters,"
      + " digits and '-', 253 characters in all, no IP address; a wildcard only as the whole first label, as in *.example.com";

  /** shop with the host parameter, an environment {@code dev} at its own host, and {@code exposure}. */
  private static Application shop(Ingress ingress, HttpRoute route) {
    return TestApplications.shop()
        .parameters(HOST, INGRESS, ROUTE)
        .ingress(ingress)
        .httpRoute(route)
        .environment(Environment.builder("dev").set(HOST, "shop.dev.example.com").set(INGRESS, true).build())
        .environment(Environment.builder("prod").set(ROUTE, true).build())
        .build();
  }

  private static Ingress.Builder ingress() {
    return Ingress.builder().enabled(Value.of(INGRESS));
  }

  private static HttpRoute.Builder route() {
    return HttpRoute.builder().enabled(Value.of(ROUTE)).parentRef(HttpRoute.ParentRef.gateway("gateway-system", "public"));
  }

  private static final Ingress INGRESS_OK =
      ingress().className("nginx").rule(Value.of(HOST), Path.prefix("/")).tls(Value.fixed("shop-tls"), Value.of(HOST)).build();
  private static final HttpRoute ROUTE_OK = route().hostname(Value.of(HOST)).rule(Match.pathPrefix("/")).build();

  private static List<String> findings(Application app) {
    return ModelValidator.check(List.of(app)).stream().map(Finding::toString).toList();
  }

  @Test
  void anIngressInDevAndAnHttpRouteInProdAtEachEnvironmentsHostAreValid() {
    assertThat(findings(shop(INGRESS_OK, ROUTE_OK))).isEmpty();
  }

  @Test
  void hostnamesAreRfc1123WithAWildcardOnlyAsTheWholeFirstLabel() {
    Application app = shop(
        ingress()
            .rule(Value.of(HOST), Path.prefix("/"))
            .rule(Value.fixed("*.shop.example.com"), Path.prefix("/"))
            .rule(Value.fixed("a.*.example.com"), Path.prefix("/"))
            .rule(Value.fixed("10.0.0.1"), Path.prefix("/"))
            .tls(Value.fixed("shop-tls"), Value.fixed("*"))
            .build(),
        route().hostname(Value.fixed("x".repeat(64) + ".example.com")).rule(Match.pathPrefix("/")).build());
    app = app.toBuilder().environment(Environment.builder("qa").set(HOST, "Shop.QA").build()).build();

    assertThat(findings(app)).filteredOn(f -> f.startsWith("[CAC-ROUTE-001]")).containsExactly(
        "[CAC-ROUTE-001] shop.ingress.rules[0].host: \"Shop.QA\" in environment qa" + NOT_A_HOSTNAME,
        "[CAC-ROUTE-001] shop.ingress.rules[2].host: \"a.*.example.com\" by default" + NOT_A_HOSTNAME,
        "[CAC-ROUTE-001] shop.ingress.rules[3].host: \"10.0.0.1\" by default" + NOT_A_HOSTNAME,
        "[CAC-ROUTE-001] shop.ingress.tls[0].hosts[0]: \"*\" by default" + NOT_A_HOSTNAME,
        "[CAC-ROUTE-001] shop.httpRoute.hostnames[0]: \"" + "x".repeat(64) + ".example.com\" by default" + NOT_A_HOSTNAME);
  }

  @Test
  void pathsStartWithASlash() {
    Parameter<String> api = Parameter.string("apiPath", "/api").build();
    Application app = shop(
        ingress().rule(Value.of(HOST), Path.prefix("/"), new Path(Value.of(api), Ingress.PathType.EXACT, Optional.empty())).build(),
        route().hostname(Value.of(HOST)).rule(Match.pathPrefix("healthz")).build());
    app = app.toBuilder().parameters(api).environment(Environment.builder("qa").set(api, "v2/api").build()).build();

    assertThat(findings(app)).containsExactly(
        "[CAC-ROUTE-002] shop.ingress.rules[0].paths[1].path: \"v2/api\" in environment qa does not start with '/';"
            + " write it as \"/v2/api\"",
        "[CAC-ROUTE-002] shop.httpRoute.rules[0].matches[0].path: \"healthz\" by default does not start with '/';"
            + " write it as \"/healthz\"");
  }

  @Test
  void aTlsHostIsServedByARuleInEveryEnvironment() {
    // The certificate's host is fixed while the rule's follows the environment: right by default, wrong
    // in dev. A wildcard serves one label only. Each host is reported once, where it first goes unserved.
    Application app = shop(
        ingress()
            .rule(Value.of(HOST), Path.prefix("/"))
            .rule(Value.fixed("*.apps.example.com"), Path.prefix("/"))
            .tls(Value.fixed("shop-tls"), Value.fixed("shop.example.com"), Value.fixed("a.apps.example.com"),
                Value.fixed("a.b.apps.example.com"))
            .build(),
        ROUTE_OK);

    assertThat(findings(app)).containsExactly(
        "[CAC-ROUTE-003] shop.ingress.tls[0].hosts[2]: \"a.b.apps.example.com\" by default is served by no rule of the"
            + " Ingress (its hosts are [shop.example.com, *.apps.example.com]); use the rule's host value for both, or add a rule for it",
        "[CAC-ROUTE-003] shop.ingress.tls[0].hosts[0]: \"shop.example.com\" in environment dev is served by no rule of the"
            + " Ingress (its hosts are [shop.dev.example.com, *.apps.example.com]); use the rule's host value for both, or add a rule for it");
  }

  @Test
  void backendsNameAPortOfTheService() {
    Application app = shop(
        ingress().rule(Value.of(HOST), Path.prefix("/"), Path.prefix("/metrics").to("metrics")).build(),
        route().hostname(Value.of(HOST)).rule(HttpRoute.Rule.matching(Match.pathPrefix("/admin")).to("admin")).build());

    assertThat(findings(app)).containsExactly(
        "[CAC-ROUTE-004] shop.ingress.rules[0].paths[1].servicePort: 'metrics' names no port of the Service; its ports"
            + " are [http] (each named after the container port it targets)",
        "[CAC-ROUTE-004] shop.httpRoute.rules[0].servicePort: 'admin' names no port of the Service; its ports"
            + " are [http] (each named after the container port it targets)");
  }

  @Test
  void noTwoRoutesEnabledTogetherClaimTheSameHostAndPath() {
    // Both on in prod at the same host and prefix; in dev only the Ingress is on. The Ingress's two
    // rules for one host claim /docs twice; the canary match differs by its header, so it is no claim twice.
    Application app = shop(
        ingress()
            .rule(Value.of(HOST), Path.prefix("/"), Path.prefix("/docs"))
            .rule(Value.of(HOST), Path.prefix("/docs"))
            .build(),
        route().hostname(Value.of(HOST)).rule(Match.pathPrefix("/"), Match.pathPrefix("/").header("x-canary", "true")).build());
    app = app.toBuilder().environment(Environment.builder("prod-eu").set(INGRESS, true).set(ROUTE, true).build()).build();

    assertThat(findings(app)).containsExactly(
        "[CAC-ROUTE-005] shop.ingress.rules[1].paths[0]: claims host shop.dev.example.com, prefix path /docs in"
            + " environment dev, as shop.ingress.rules[0].paths[1] does; give one another host or path, or enable only one of them there",
        "[CAC-ROUTE-005] shop.ingress.rules[1].paths[0]: claims host shop.example.com, prefix path /docs in"
            + " environment prod-eu, as shop.ingress.rules[0].paths[1] does; give one another host or path, or enable only one of them there",
        "[CAC-ROUTE-005] shop.httpRoute.rules[0].matches[0]: claims host shop.example.com, prefix path / in"
            + " environment prod-eu, as shop.ingress.rules[0].paths[0] does; give one another host or path, or enable only one of them there");
  }

  @Test
  void namesAreWhatTheApiServerTakesAndTheRoutesAreWhole() {
    Parameter<java.util.SortedMap<String, String>> annotations =
        Parameter.stringMap("ingress.annotations", new TreeMap<>(Map.of("not a key", "x"))).build();
    Application app = shop(
        ingress().className("Nginx_Class").annotations(annotations).tls(Value.fixed("TLS Secret"), Value.of(HOST)).build(),
        HttpRoute.builder()
            .hostname(Value.of(HOST))
            .rule(new HttpRoute.Rule(List.of(), Optional.empty()))
            .rule(Match.pathPrefix("/").header("x health", "yes"))
            .build());
    app = app.toBuilder().parameters(annotations).build();
    Application gateways = shop(INGRESS_OK, route()
        .parentRef(new HttpRoute.ParentRef(Value.fixed("Public GW"), Optional.of(Value.fixed("Gateway_System")), Optional.of("HTTPS")))
        .hostname(Value.of(HOST)).rule(Match.pathPrefix("/")).build());

    assertThat(findings(app)).filteredOn(f -> f.startsWith("[CAC-ROUTE-006]")).containsExactly(
        "[CAC-ROUTE-006] shop.ingress.rules: are empty; add a rule with Ingress.Builder.rule(host, path)",
        "[CAC-ROUTE-006] shop.ingress.className: \"Nginx_Class\" by default is not an IngressClass name (a DNS-1123 subdomain)",
        "[CAC-ROUTE-006] shop.ingress.tls[0].secretName: \"TLS Secret\" by default is not a Secret name (a DNS-1123 subdomain)",
        "[CAC-ROUTE-006] shop.parameters[ingress.annotations]: annotation key 'not a key' by default is not a qualified name:"
            + " an optional DNS subdomain and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending"
            + " with a letter or digit",
        "[CAC-ROUTE-006] shop.httpRoute.parentRefs: are empty, so the route serves nothing; attach it to a Gateway with"
            + " HttpRoute.Builder.parentRef(...)",
        "[CAC-ROUTE-006] shop.httpRoute.rules[0].matches: are empty; add HttpRoute.Match.pathPrefix(\"/\") for every request",
        "[CAC-ROUTE-006] shop.httpRoute.rules[1].matches[0].headers[x health]: 'x health' is not an HTTP header name"
            + " (letters, digits and !#$%&'*+-.^_`|~)");
    assertThat(findings(gateways)).containsExactly(
        "[CAC-ROUTE-006] shop.httpRoute.parentRefs[1].name: \"Public GW\" by default is not a Gateway name (a DNS-1123 subdomain)",
        "[CAC-ROUTE-006] shop.httpRoute.parentRefs[1].namespace: \"Gateway_System\" by default is not a namespace name"
            + " (a DNS-1123 label)",
        "[CAC-ROUTE-006] shop.httpRoute.parentRefs[1].sectionName: 'HTTPS' is not a listener name (a DNS-1123 subdomain)");
  }
}
