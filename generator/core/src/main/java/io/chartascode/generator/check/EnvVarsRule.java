package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Environment variable names are portable identifiers and unique, extra env included. */
final class EnvVarsRule extends ContainerRule {
  static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** What the downward API offers as env ({@code fieldRef}); labels and annotations by key. */
  private static final Pattern FIELD_PATH = Pattern.compile(
      "metadata\\.(name|namespace|uid)|metadata\\.(labels|annotations)\\['[^']+'\\]"
          + "|spec\\.(nodeName|serviceAccountName)|status\\.(hostIP|hostIPs|podIP|podIPs)");

  @Override
  public String id() {
    return "CAC-ENV-002";
  }

  @Override
  List<Finding> check(Application app, Container c, String at) {
    List<Finding> findings = new ArrayList<>();
    String path = at + ".env";
    Set<String> fixed = new HashSet<>();
    for (EnvVar var : c.env()) {
      if (!NAME.matcher(var.name()).matches()) {
        findings.add(finding(path + "[" + var.name() + "]", "'" + var.name() + "' is not a valid variable name (" + NAME + ")"));
      }
      if (!fixed.add(var.name())) {
        findings.add(finding(path + "[" + var.name() + "]", "'" + var.name() + "' is set twice"));
      }
      var.match(value -> null, key -> null, source -> {
        source(path + "[" + var.name() + "].valueFrom", source, findings);
        return null;
      });
    }
    c.extraEnv().ifPresent(extra -> {
      for (Scenario s : Scenario.of(app)) {
        for (String name : s.values().get(extra).keySet()) {
          if (!NAME.matcher(name).matches()) {
            findings.add(finding(path + "[" + name + "]", "'" + name + "' " + s.description() + " is not a valid variable name (" + NAME + ")"));
          }
          if (fixed.contains(name)) {
            findings.add(finding(path + "[" + name + "]", "'" + name + "' " + s.description()
                + " in " + extra.name() + " repeats a variable the model sets; remove it from " + extra.name()));
          }
        }
      }
    });
    return findings;
  }

  private void source(String path, EnvVarSource source, List<Finding> findings) {
    long kinds = Stream.of(source.getFieldRef(), source.getResourceFieldRef(), source.getSecretKeyRef(),
        source.getConfigMapKeyRef()).filter(Objects::nonNull).count();
    if (kinds != 1) {
      findings.add(finding(path, "has " + kinds + " sources; give exactly one of fieldRef, resourceFieldRef,"
          + " secretKeyRef and configMapKeyRef"));
    }
    if (source.getFieldRef() != null) {
      String field = source.getFieldRef().getFieldPath();
      if (field == null || !FIELD_PATH.matcher(field).matches()) {
        findings.add(finding(path + ".fieldRef.fieldPath", "'" + field + "' is not a field the downward API gives as env"
            + " (metadata.name, metadata.namespace, metadata.uid, metadata.labels['key'], metadata.annotations['key'],"
            + " spec.nodeName, spec.serviceAccountName, status.hostIP(s), status.podIP(s))"));
      }
    }
  }
}
