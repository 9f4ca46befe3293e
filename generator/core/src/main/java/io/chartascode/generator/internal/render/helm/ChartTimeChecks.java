package io.chartascode.generator.internal.render.helm;

import io.chartascode.generator.internal.RouteClaims;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Bound;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.GeneratedHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code templates/validate.yaml}: what values.schema.json cannot say, because JSON Schema cannot
 * compare two values. Each check is a template {@code fail} with the model's message: a {@link
 * Bound} ({@code minReplicas <= maxReplicas}); for each container whose requests or limits are
 * parameters, request {@code <=} limit for cpu and memory, with Kubernetes' units converted ({@code
 * 2} against {@code 500m}, {@code 1Gi} against {@code 512Mi}); and no two routes claiming the same
 * requests (CAC-ROUTE-005), for each pair of them that values can make collide.
 */
final class ChartTimeChecks {
  private final Application app;
  private final TemplateNames names;

  ChartTimeChecks(Application app, TemplateNames names) {
    this.app = app;
    this.names = names;
  }

  /** The file, or empty when the model has nothing to check at install time. */
  Optional<String> render(GeneratedHeader header) {
    List<String> checks = new ArrayList<>();
    for (Bound bound : app.bounds()) {
      checks.add(bound(bound));
    }
    boolean quantities = false;
    for (Container c : app.workload().allContainers()) {
      Resources r = c.resources();
      String who = app.workload().allContainers().size() > 1 ? "container " + c.name() + ": " : "";
      if (isParameter(r.cpuRequest()) || isParameter(r.cpuLimit())) {
        checks.add(notAbove(r.cpuRequest(), r.cpuLimit(), cpuMillis(), who + "the cpu request"));
        quantities = true;
      }
      if (isParameter(r.memoryRequest()) || isParameter(r.memoryLimit())) {
        checks.add(notAbove(r.memoryRequest(), r.memoryLimit(), memoryBytes(), who + "the memory request"));
        quantities = true;
      }
    }
    List<RouteClaims.Claim> claims = RouteClaims.of(app);
    for (int i = 0; i < claims.size(); i++) {
      for (int j = i + 1; j < claims.size(); j++) {
        routeConflict(claims.get(i), claims.get(j)).ifPresent(checks::add);
      }
    }
    if (checks.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(header.template()).append('\n');
    if (quantities) {
      out.append(quantityHelpers());
    }
    checks.forEach(out::append);
    return Optional.of(out.toString());
  }

  private static String bound(Bound bound) {
    String lower = HelmExpressions.valuesPath(bound.lower());
    String upper = HelmExpressions.valuesPath(bound.upper());
    String message =
        bound.lower().name() + " (%v) must not exceed " + bound.upper().name() + " (%v); lower "
            + bound.lower().name() + " or raise " + bound.upper().name();
    return "{{- if gt (int " + lower + ") (int " + upper + ") }}\n"
        + "{{- fail (printf " + HelmExpressions.goString(message) + " " + lower + " " + upper + ") }}\n"
        + "{{- end }}\n";
  }

  /**
   * {@code fail} when values enable both routes and give them the same host, path and headers, as
   * CAC-ROUTE-005 refuses in the model's environments; empty where no values can: the two are of
   * different kinds, or one is for every host and the other for one, or what tells them apart is
   * fixed in the model (which the rule has checked already).
   */
  private static Optional<String> routeConflict(RouteClaims.Claim a, RouteClaims.Claim b) {
    if (a.path().equals(b.path()) || !a.pathType().equals(b.pathType()) || a.host().isPresent() != b.host().isPresent()
        || neverOn(a.enabled()) || neverOn(b.enabled())) {
      return Optional.empty();
    }
    Map<String, HttpRoute.HeaderMatch> headersOfA = a.headersByName();
    Map<String, HttpRoute.HeaderMatch> headersOfB = b.headersByName();
    if (!headersOfA.keySet().equals(headersOfB.keySet())) {
      return Optional.empty();
    }
    // What must be equal for the two to collide: path, host, and each header's match.
    List<Value<?>> left = new ArrayList<>(List.of(a.value()));
    List<Value<?>> right = new ArrayList<>(List.of(b.value()));
    a.host().ifPresent(left::add);
    b.host().ifPresent(right::add);
    for (String name : headersOfA.keySet()) {
      if (headersOfA.get(name).type() != headersOfB.get(name).type()) {
        return Optional.empty();
      }
      left.add(headersOfA.get(name).value());
      right.add(headersOfB.get(name).value());
    }
    List<String> conditions = new ArrayList<>();
    for (Value<Boolean> enabled : a.enabled().equals(b.enabled()) ? List.of(a.enabled()) : List.of(a.enabled(), b.enabled())) {
      if (enabled instanceof Value.Ref<Boolean>) {
        conditions.add(HelmExpressions.condition(enabled));
      }
    }
    for (int k = 0; k < left.size(); k++) {
      Value<?> l = left.get(k);
      Value<?> r = right.get(k);
      if (l.equals(r)) {
        continue; // one text, or one parameter: always equal
      }
      if (l instanceof Value.Fixed<?> && r instanceof Value.Fixed<?>) {
        return Optional.empty(); // told apart in the model itself
      }
      conditions.add("(eq " + HelmExpressions.operand(l) + " " + HelmExpressions.operand(r) + ")");
    }
    if (conditions.isEmpty()) {
      return Optional.empty(); // no value decides: CAC-ROUTE-005 has refused it already if they collide
    }
    String host = a.host().map(HelmExpressions::operand).orElse(HelmExpressions.goString("every host"));
    String message = a.path() + " and " + b.path() + " both claim host %v, " + a.pathType()
        + " path %v; " + RouteClaims.HOW_TO_FIX;
    return Optional.of("{{- if and " + String.join(" ", conditions) + " }}\n"
        + "{{- fail (printf " + HelmExpressions.goString(message) + " " + host + " " + HelmExpressions.operand(a.value()) + ") }}\n"
        + "{{- end }}\n");
  }

  private static boolean neverOn(Value<Boolean> enabled) {
    return enabled instanceof Value.Fixed<Boolean> fixed && !fixed.value();
  }

  /** {@code fail} when the request, converted by {@code helper}, is above the limit. */
  private static String notAbove(Value<String> request, Value<String> limit, String helper, String what) {
    String req = HelmExpressions.valuesPathOrLiteral(request);
    String lim = HelmExpressions.valuesPathOrLiteral(limit);
    String message = what + " (" + name(request) + " = %v) must not exceed its limit (" + name(limit)
        + " = %v); Kubernetes refuses such a pod";
    return "{{- if gt (include " + HelmExpressions.goString(helper) + " " + req + " | float64) (include "
        + HelmExpressions.goString(helper) + " " + lim + " | float64) }}\n"
        + "{{- fail (printf " + HelmExpressions.goString(message) + " " + req + " " + lim + ") }}\n"
        + "{{- end }}\n";
  }

  private String cpuMillis() {
    return names.chart() + ".cpuMillis";
  }

  private String memoryBytes() {
    return names.chart() + ".memoryBytes";
  }

  /**
   * Two named templates that turn a quantity (a string, or a number as YAML gives it) into
   * millicores and bytes, as Kubernetes reads it: decimal suffixes (k, M, G, T, P, E, and m),
   * binary ones (Ki to Ei), and plain or exponent numbers. The model checks the same with
   * {@code Quantities}; a value that is no quantity never gets here (the schema's pattern).
   */
  private String quantityHelpers() {
    return """
        {{/* A cpu quantity in millicores: 500m, 0.5 and 2 are 500, 500 and 2000. */}}
        {{- define "%s" -}}
        {{- $q := toString . -}}
        {{- if hasSuffix "m" $q -}}
        {{- trimSuffix "m" $q | float64 -}}
        {{- else -}}
        {{- mulf (float64 $q) 1000 -}}
        {{- end -}}
        {{- end }}
        {{/* A memory quantity in bytes: 1Gi, 512Mi, 1G, 1e9 and 1073741824. */}}
        {{- define "%s" -}}
        {{- $q := toString . -}}
        {{- $n := float64 $q -}}
        {{- $units := dict "Ki" 1024.0 "Mi" 1048576.0 "Gi" 1073741824.0 "Ti" 1099511627776.0 "Pi" 1125899906842624.0 "Ei" 1152921504606846976.0 "k" 1e3 "M" 1e6 "G" 1e9 "T" 1e12 "P" 1e15 "E" 1e18 "m" 1e-3 -}}
        {{- range $suffix, $factor := $units -}}
        {{- if hasSuffix $suffix $q -}}
        {{- $n = mulf (trimSuffix $suffix $q | float64) $factor -}}
        {{- end -}}
        {{- end -}}
        {{- $n -}}
        {{- end }}
        """
        .formatted(cpuMillis(), memoryBytes());
  }

  private static boolean isParameter(Value<?> value) {
    return value instanceof Value.Ref<?>;
  }

  private static String name(Value<?> value) {
    return value instanceof Value.Ref<?> ref ? ref.parameter().name() : "fixed";
  }
}
