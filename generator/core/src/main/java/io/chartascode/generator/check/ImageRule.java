package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.OptOut;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Each image reference is valid in every scenario, and pinned: {@code latest} or an empty tag is
 * refused unless the application opts out with {@link OptOut#LATEST_TAG}.
 */
final class ImageRule extends ContainerRule {
  // The distribution spec's reference grammar, without digests (the model has none).
  private static final Pattern REPOSITORY =
      Pattern.compile("([a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  @Override
  public String id() {
    return "CAC-IMG-001";
  }

  @Override
  List<Finding> check(Application app, Container container, String at) {
    List<Finding> findings = new ArrayList<>();
    Image image = container.image();
    String path = at + ".image";
    for (Scenario s : Scenario.of(app)) {
      String repository = image.repository().evaluate(s.values());
      String tag = image.tag().evaluate(s.values());
      if (!REPOSITORY.matcher(repository).matches()) {
        findings.add(finding(path, "'" + repository + "' " + s.description() + " is not a valid image repository (lower case, no spaces)"));
      }
      if ((tag.isEmpty() || tag.equals("latest")) && !app.optOuts().containsKey(OptOut.LATEST_TAG)) {
        findings.add(finding(path + ".tag", "tag '" + tag + "' " + s.description()
            + " is not pinned; use a version, or optOut(LATEST_TAG, reason)"));
      } else if (!tag.isEmpty() && !TAG.matcher(tag).matches()) {
        findings.add(finding(path + ".tag", "'" + tag + "' " + s.description() + " is not a valid tag"));
      }
    }
    return findings;
  }
}
