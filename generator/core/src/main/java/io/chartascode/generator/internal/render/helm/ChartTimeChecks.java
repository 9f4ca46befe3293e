package io.chartascode.generator.internal.render.helm;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Bound;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.GeneratedHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code templates/validate.yaml}: what values.schema.json cannot say, because JSON Schema cannot
 * compare two values. Each check is a template {@code fail} with the model's message: a {@link
 * Bound} ({@code minReplicas <= maxReplicas}), and for each container whose requests or limits are
 * parameters, request {@code <=} limit for cpu and memory, with Kubernetes' units converted ({@code
 * 2} against {@code 500m}, {@code 1Gi} against {@code 512Mi}).
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
