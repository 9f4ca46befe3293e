package io.chartascode.generator.check;

import io.chartascode.generator.internal.RouteClaims;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The fields of the Ingress and the HTTPRoute that the route rules (CAC-ROUTE-*) check, each with
 * its path in findings, so that every rule walks the two kinds the same way.
 */
final class Routes {
  private Routes() {}

  /** A text field and its path, e.g. {@code orders.ingress.rules[0].host}. */
  record Field(String path, Value<String> value) {}

  /** A Service port a path or rule sends to; empty for the application's. */
  record Backend(String path, Optional<String> servicePort) {}

  static String ingress(Application app) {
    return RouteClaims.ingress(app);
  }

  static String httpRoute(Application app) {
    return RouteClaims.httpRoute(app);
  }

  /** Every hostname: the Ingress's rule and TLS hosts, the HTTPRoute's hostnames. */
  static List<Field> hostnames(Application app) {
    List<Field> fields = new ArrayList<>();
    app.ingress().ifPresent(ingress -> {
      forEach(ingress.rules(), (i, rule) -> fields.add(new Field(ingress(app) + ".rules[" + i + "].host", rule.host())));
      forEach(ingress.tls(), (i, tls) -> forEach(tls.hosts(),
          (j, host) -> fields.add(new Field(ingress(app) + ".tls[" + i + "].hosts[" + j + "]", host))));
    });
    app.httpRoute().ifPresent(route -> forEach(route.hostnames(),
        (i, host) -> fields.add(new Field(httpRoute(app) + ".hostnames[" + i + "]", host))));
    return fields;
  }

  /** Every path: the Ingress's and the HTTPRoute's matches. */
  static List<Field> paths(Application app) {
    return RouteClaims.of(app).stream().map(c -> new Field(c.path() + ".path", c.value())).toList();
  }

  /** Where each Ingress path and HTTPRoute rule sends its requests. */
  static List<Backend> backends(Application app) {
    List<Backend> backends = new ArrayList<>();
    app.ingress().ifPresent(ingress -> forEach(ingress.rules(), (i, rule) -> forEach(rule.paths(), (j, path) ->
        backends.add(new Backend(ingress(app) + ".rules[" + i + "].paths[" + j + "].servicePort", path.servicePort())))));
    app.httpRoute().ifPresent(route -> forEach(route.rules(), (i, rule) ->
        backends.add(new Backend(httpRoute(app) + ".rules[" + i + "].servicePort", rule.servicePort()))));
    return backends;
  }

  /**
   * Reports each value {@code field} takes that {@code valid} refuses, with the first scenario that
   * gives it: once, where it first appears, not once per environment that inherits it.
   */
  static void refused(Field field, List<Scenario> scenarios, Predicate<String> valid, BiConsumer<String, Scenario> report) {
    Map<String, Scenario> values = new LinkedHashMap<>();
    scenarios.forEach(s -> values.putIfAbsent(field.value().evaluate(s.values()), s));
    values.forEach((value, s) -> {
      if (!valid.test(value)) {
        report.accept(value, s);
      }
    });
  }

  private interface Indexed<T> {
    void accept(int index, T item);
  }

  private static <T> void forEach(List<T> items, Indexed<T> action) {
    for (int i = 0; i < items.size(); i++) {
      action.accept(i, items.get(i));
    }
  }
}
