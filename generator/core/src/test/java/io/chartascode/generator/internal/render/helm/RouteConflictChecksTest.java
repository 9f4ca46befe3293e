package io.chartascode.generator.internal.render.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.GeneratedHeader;
import io.chartascode.generator.TestApplications;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.HttpRoute.Match;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.Ingress.Path;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CAC-ROUTE-005 at install time: for each pair of routes that values can make claim the same
 * requests, templates/validate.yaml fails with the rule's message. The model and the lines it gives,
 * side by side.
 */
class RouteConflictChecksTest {
  private static final Parameter<String> HOST = Parameter.string("host", "shop.example.com").build();
  private static final Parameter<Boolean> INGRESS = Parameter.bool("ingress.enabled", false).build();
  private static final Parameter<Boolean> ROUTE = Parameter.bool("httpRoute.enabled", false).build();

  private static final HttpRoute.ParentRef GATEWAY = HttpRoute.ParentRef.gateway("gateway-system", "public");

  /** The route checks of validate.yaml for shop with this Ingress and HTTPRoute. */
  private static List<String> routeChecks(Ingress ingress, HttpRoute route) {
    return routeChecks(TestApplications.shop().parameters(HOST, INGRESS, ROUTE).ingress(ingress).httpRoute(route).build());
  }

  /** The route checks of the application's validate.yaml, each as its three lines. */
  private static List<String> routeChecks(Application app) {
    String file = new ChartTimeChecks(app, new TemplateNames("shop")).render(GeneratedHeader.DEFAULT).orElse("");
    List<String> lines = file.lines().toList();
    List<String> checks = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("both claim")) {
        checks.add(String.join("\n", lines.subList(i - 1, i + 2)));
      }
    }
    return checks;
  }

  @Test
  void bothToggledAtTheSameHostAndPath() {
    assertThat(routeChecks(
        Ingress.builder().enabled(Value.of(INGRESS)).rule(Value.of(HOST), Path.prefix("/")).build(),
        HttpRoute.builder().enabled(Value.of(ROUTE)).parentRef(GATEWAY).hostname(Value.of(HOST)).rule(Match.pathPrefix("/")).build()))
        .containsExactly("""
            {{- if and .Values.ingress.enabled .Values.httpRoute.enabled }}
            {{- fail (printf "shop.ingress.rules[0].paths[0] and shop.httpRoute.rules[0].matches[0] both claim host %v, \
            prefix path %v; give one another host or path, or enable only one of them" (toString .Values.host) "/") }}
            {{- end }}""");
  }

  @Test
  void aFixedHostAgainstAParameterIsComparedAtInstallTime() {
    assertThat(routeChecks(
        Ingress.builder().enabled(Value.fixed(true)).rule(Value.of(HOST), Path.prefix("/api")).build(),
        HttpRoute.builder().enabled(Value.of(ROUTE)).parentRef(GATEWAY).hostname(Value.fixed("shop.example.org"))
            .rule(Match.pathPrefix("/api")).build()))
        .containsExactly("""
            {{- if and .Values.httpRoute.enabled (eq (toString .Values.host) "shop.example.org") }}
            {{- fail (printf "shop.ingress.rules[0].paths[0] and shop.httpRoute.rules[0].matches[0] both claim host %v, \
            prefix path %v; give one another host or path, or enable only one of them" (toString .Values.host) "/api") }}
            {{- end }}""");
  }

  @Test
  void twoPathsOfOneIngressAtHostsOfTheirOwn() {
    Parameter<String> docs = Parameter.string("docsHost", "docs.example.com").build();
    var app = TestApplications.shop().parameters(HOST, docs, INGRESS)
        .ingress(Ingress.builder().enabled(Value.of(INGRESS))
            .rule(Value.of(HOST), Path.prefix("/")).rule(Value.of(docs), Path.prefix("/")).build())
        .build();

    assertThat(routeChecks(app)).containsExactly("""
        {{- if and .Values.ingress.enabled (eq (toString .Values.host) (toString .Values.docsHost)) }}
        {{- fail (printf "shop.ingress.rules[0].paths[0] and shop.ingress.rules[1].paths[0] both claim host %v, \
        prefix path %v; give one another host or path, or enable only one of them" (toString .Values.host) "/") }}
        {{- end }}""");
  }

  @Test
  void noCheckWhereTheModelAloneTellsThemApart() {
    // Other fixed paths; another kind of path; one of them never on.
    assertThat(routeChecks(
        Ingress.builder().enabled(Value.of(INGRESS)).rule(Value.of(HOST), Path.prefix("/api")).build(),
        HttpRoute.builder().enabled(Value.of(ROUTE)).parentRef(GATEWAY).hostname(Value.of(HOST)).rule(Match.pathPrefix("/docs")).build()))
        .isEmpty();
    assertThat(routeChecks(
        Ingress.builder().enabled(Value.of(INGRESS)).rule(Value.of(HOST), Path.exact("/")).build(),
        HttpRoute.builder().enabled(Value.of(ROUTE)).parentRef(GATEWAY).hostname(Value.of(HOST)).rule(Match.pathPrefix("/")).build()))
        .isEmpty();
    assertThat(routeChecks(
        Ingress.builder().enabled(Value.fixed(false)).rule(Value.of(HOST), Path.prefix("/")).build(),
        HttpRoute.builder().enabled(Value.of(ROUTE)).parentRef(GATEWAY).hostname(Value.of(HOST)).rule(Match.pathPrefix("/")).build()))
        .isEmpty();
  }
}
