package io.chartascode.generator.check;

import io.chartascode.generator.internal.k8s.Labels;
import io.chartascode.generator.internal.k8s.ManifestFactory;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.CustomObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Objects the user builds: each in a file of its own, built without failing, a new object on each
 * call, and labelled the way both trees can agree on (the application's labels, which Kustomize
 * adds to every object).
 */
final class CustomObjectsRule implements Rule {
  private static final Pattern STEM = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  @Override
  public String id() {
    return "CAC-OBJ-001";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    Set<String> stems = new HashSet<>(ManifestFactory.BUILT_IN_STEMS);
    Set<String> objects = new HashSet<>();
    for (CustomObject custom : app.objects()) {
      String path = app.name() + ".objects[" + custom.fileStem() + "]";
      if (!STEM.matcher(custom.fileStem()).matches()) {
        findings.add(finding(path, "'" + custom.fileStem() + "' is not a file stem; use lower-case letters, digits and '-'"));
      } else if (!stems.add(custom.fileStem())) {
        findings.add(finding(path, "'" + custom.fileStem() + "' is taken (by " + (ManifestFactory.BUILT_IN_STEMS.contains(custom.fileStem())
            ? "an object the model builds itself" : "another object") + "); choose another file stem"));
      }
      HasMetadata object;
      HasMetadata again;
      try {
        object = ManifestFactory.probe(app, custom);
        again = ManifestFactory.probe(app, custom);
      } catch (RuntimeException e) {
        findings.add(finding(path, "building it failed: " + e + "; fix its ObjectTemplate"));
        continue;
      }
      // The generator fills in each build's namespace and labels, for several builds and
      // applications at once: an object, or metadata, kept between calls would carry one build's
      // values into the next.
      if (again == object || again.getMetadata() != null && again.getMetadata() == object.getMetadata()) {
        findings.add(finding(path, "its ObjectTemplate returns the same " + (again == object ? "object" : "metadata")
            + " on every call; build a new one in build(bindings)"));
        continue;
      }
      if (object.getKind() == null || object.getMetadata().getName() == null) {
        findings.add(finding(path, "has no kind or no metadata.name; set both"));
        continue;
      }
      if (!objects.add(object.getKind() + "/" + object.getMetadata().getName())) {
        findings.add(finding(path, object.getKind() + "/" + object.getMetadata().getName()
            + " is built twice; give each object its own name"));
      }
      if (!Labels.selector(app).equals(object.getMetadata().getLabels())) {
        findings.add(finding(path + ".metadata.labels", "are set by hand; use bindings.labels() or leave them out:"
            + " Kustomize gives every object the application's labels, so others would differ between the chart and the overlays"));
      }
    }
    return findings;
  }
}
