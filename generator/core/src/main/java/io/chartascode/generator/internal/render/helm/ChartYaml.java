package io.chartascode.generator.internal.render.helm;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ChartChange;
import io.chartascode.generator.model.ChartLink;
import io.chartascode.generator.model.ChartMetadata;
import io.chartascode.generator.model.ChartParameters;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.Maintainer;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlScalar;
import io.chartascode.generator.internal.yaml.YamlSeq;
import io.chartascode.generator.internal.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fields of {@code Chart.yaml}, in the order {@code helm create} writes them, as plain values:
 * strings, lists of strings, lists of string maps (maintainers) and a string map (annotations).
 * {@code Chart.yaml} and the OCI config blob ({@code publish.HelmConfig}) are both written from it.
 *
 * <p>Optional fields are left out when the model does not set them. The annotations:
 * {@code artifacthub.io/images} lists every container image at its default, and the {@code helm
 * test} image; {@code artifacthub.io/links} and {@code artifacthub.io/changes} appear when the
 * model has any. Annotation values are strings holding YAML, as Artifact Hub reads them.
 */
public final class ChartYaml {
  private ChartYaml() {}

  public static Map<String, Object> fields(Application app) {
    ChartMetadata meta = app.chartMetadata();
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("apiVersion", "v2");
    chart.put("name", app.name());
    chart.put("description", app.description());
    chart.put("type", "application");
    chart.put("version", app.chartVersion());
    chart.put("appVersion", app.appVersion());
    chart.put("kubeVersion", meta.kubeVersion());
    meta.home().ifPresent(home -> chart.put("home", home));
    meta.icon().ifPresent(icon -> chart.put("icon", icon));
    if (!meta.sources().isEmpty()) {
      chart.put("sources", meta.sources());
    }
    if (!meta.keywords().isEmpty()) {
      chart.put("keywords", meta.keywords());
    }
    if (!meta.maintainers().isEmpty()) {
      List<Map<String, String>> maintainers = new ArrayList<>();
      for (Maintainer m : meta.maintainers()) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("name", m.name());
        m.email().ifPresent(email -> entry.put("email", email));
        m.url().ifPresent(url -> entry.put("url", url));
        maintainers.add(entry);
      }
      chart.put("maintainers", maintainers);
    }
    chart.put("annotations", annotations(app));
    return chart;
  }

  /** The {@code Chart.yaml} tree. */
  static YamlMap tree(Application app) {
    YamlMap.Builder chart = YamlMap.builder();
    fields(app).forEach((key, value) -> chart.put(key, node(value)));
    return chart.build();
  }

  private static SortedMap<String, String> annotations(Application app) {
    ChartMetadata meta = app.chartMetadata();
    SortedMap<String, String> annotations = new TreeMap<>();
    if (!meta.changes().isEmpty()) {
      List<YamlNode> changes = new ArrayList<>();
      for (ChartChange change : meta.changes()) {
        changes.add(YamlMap.builder()
            .put("kind", change.kind().annotationValue())
            .put("description", change.description())
            .build());
      }
      annotations.put("artifacthub.io/changes", YamlWriter.write(YamlSeq.of(changes)));
    }
    List<YamlNode> images = new ArrayList<>();
    for (Container container : app.workload().allContainers()) {
      images.add(image(container.name(), container.image().reference().evaluate(app.defaults())));
    }
    images.add(image("test-connection", ChartParameters.TEST_IMAGE.defaultValue()));
    annotations.put("artifacthub.io/images", YamlWriter.write(YamlSeq.of(images)));
    if (!meta.links().isEmpty()) {
      List<YamlNode> links = new ArrayList<>();
      for (ChartLink link : meta.links()) {
        links.add(YamlMap.builder().put("name", link.name()).put("url", link.url()).build());
      }
      annotations.put("artifacthub.io/links", YamlWriter.write(YamlSeq.of(links)));
    }
    return annotations;
  }

  private static YamlNode image(String name, String reference) {
    return YamlMap.builder().put("name", name).put("image", reference).build();
  }

  @SuppressWarnings("unchecked")
  private static YamlNode node(Object value) {
    if (value instanceof String s) {
      return s.contains("\n") ? YamlScalar.literal(s) : YamlScalar.string(s);
    }
    if (value instanceof List<?> list) {
      return YamlSeq.of(list.stream().map(ChartYaml::node).toList());
    }
    YamlMap.Builder map = YamlMap.builder();
    ((Map<String, Object>) value).forEach((k, v) -> map.put(k, node(v)));
    return map.build();
  }
}
