package io.chartascode.generator.check;

import io.chartascode.generator.internal.k8s.ManifestFactory;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ChartParameters;
import io.chartascode.generator.model.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every parameter the model reads is declared once; otherwise values.yaml would miss a key the
 * templates use. Names may not clash with a group (both {@code a} and {@code a.b}).
 */
final class DeclaredParametersRule implements Rule {
  static final String ID = "CAC-PARAM-002";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    // The chart's own values share values.yaml with the application's, so they take part too.
    List<Parameter<?>> all = ChartParameters.of(app);
    for (Parameter<?> p : all) {
      if (!declared.add(p.name())) {
        findings.add(finding(app.name() + ".parameters[" + p.name() + "]", clash(p, p, "declared twice")));
      }
    }
    for (Parameter<?> p : all) {
      for (Parameter<?> q : all) {
        if (q.name().startsWith(p.name() + ".")) {
          findings.add(
              finding(
                  app.name() + ".parameters[" + p.name() + "]",
                  clash(p, q, "is both a value and the group of '" + q.name() + "'; rename one")));
        }
      }
    }
    used(app)
        .distinct()
        .filter(p -> !declared.contains(p.name()))
        .forEach(
            p ->
                findings.add(
                    finding(
                        app.name() + ".parameters",
                        "'" + p.name() + "' is used by the model but not declared; add it to parameters(...)")));
    return findings;
  }

  /** The message for a clash of {@code a} and {@code b}, saying so when the chart owns one of them. */
  private static String clash(Parameter<?> a, Parameter<?> b, String message) {
    if (ChartParameters.ALL.contains(a) || ChartParameters.ALL.contains(b)) {
      Parameter<?> chart = ChartParameters.ALL.contains(a) ? a : b;
      return "'" + chart.name() + "' is the chart's own value; rename the application's parameter";
    }
    return message;
  }

  /** What the objects read while they are built, and the bounds the chart checks. */
  static Stream<Parameter<?>> used(Application app) {
    Stream<Parameter<?>> bounds = app.bounds().stream().flatMap(b -> Stream.of(b.lower(), b.upper()));
    return Stream.concat(ManifestFactory.usedParameters(app), bounds);
  }
}
