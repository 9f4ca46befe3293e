package io.chartascode.generator.internal.render.kustomize;

import io.chartascode.generator.internal.ProjectFiles;
import io.chartascode.generator.internal.k8s.Labels;
import io.chartascode.generator.internal.k8s.Manifest;
import io.chartascode.generator.internal.k8s.ManifestFactory;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.GeneratedHeader;
import io.chartascode.generator.internal.yaml.NodePath;
import io.chartascode.generator.internal.yaml.YamlDocument;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlScalar;
import io.chartascode.generator.internal.yaml.YamlSeq;
import io.chartascode.generator.internal.yaml.YamlTrees;
import io.chartascode.generator.internal.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Kustomize tree of one application: a {@code base/} with the objects at their parameter
 * defaults, and one {@code overlays/<env>/} per environment.
 *
 * <p>Overlays use Kustomize's own transformers where one fits ({@code images}, {@code namespace},
 * and {@code labels} in the base) and a JSON 6902 patch per object for the rest. The patches are
 * computed, not written: they are the difference between the objects built for the defaults and
 * the objects built for the environment, by the same {@link ManifestFactory} as the chart.
 */
public final class KustomizeRenderer {
  private static final String API_VERSION = "kustomize.config.k8s.io/v1beta1";
  private static final NodePath CONTAINERS = NodePath.of("spec.template.spec.containers");
  private static final NodePath INIT_CONTAINERS = NodePath.of("spec.template.spec.initContainers");

  private final Application app;
  private final GeneratedHeader header;
  private final ConfigMapGenerators configMaps;

  private KustomizeRenderer(Application app, GeneratedHeader header, ProjectFiles projectFiles) {
    this.app = app;
    this.header = header;
    this.configMaps = new ConfigMapGenerators(app, projectFiles);
  }

  /** Files by path relative to {@code kustomize/<app>/}, reading the files the model names from the working directory. */
  public static SortedMap<String, String> render(Application app, GeneratedHeader header) {
    return render(app, header, ProjectFiles.workingDirectory());
  }

  /** Files by path relative to {@code kustomize/<app>/}. */
  public static SortedMap<String, String> render(Application app, GeneratedHeader header, ProjectFiles projectFiles) {
    return new KustomizeRenderer(app, header, projectFiles).files();
  }

  private SortedMap<String, String> files() {
    SortedMap<String, String> files = new TreeMap<>();
    Map<String, Manifest> base = byStem(ManifestFactory.concrete(app, app.defaults()));
    List<YamlNode> resources = new ArrayList<>();
    for (Manifest m : base.values()) {
      String file = m.fileStem() + ".yaml";
      files.put("base/" + file, yaml(m.tree()));
      resources.add(YamlScalar.string(file));
    }
    YamlMap.Builder kustomization = kustomization().put("labels", labels()).put("resources", YamlSeq.of(resources));
    if (!app.configurations().isEmpty()) {
      List<YamlNode> patches = new ArrayList<>();
      kustomization.put("configMapGenerator", configMaps.base(
          (path, content) -> files.put("base/" + path, content),
          (path, patch) -> {
            files.put("base/" + path, yaml(patch));
            patches.add(YamlMap.builder().put("path", path).build());
          }));
      if (!patches.isEmpty()) {
        kustomization.put("patches", YamlSeq.of(patches));
      }
    }
    files.put("base/kustomization.yaml", yaml(kustomization.build()));
    for (Environment env : app.environments()) {
      overlay(env, base).forEach((path, content) -> files.put("overlays/" + env.name() + "/" + path, content));
    }
    return files;
  }

  /**
   * Name and instance go into selectors (the instance is the application name, which is what
   * makes the Helm release {@code <app>} render identical objects); version only into templates.
   */
  private YamlSeq labels() {
    return YamlSeq.of(
        List.of(
            YamlMap.builder()
                .put("pairs", stringMap(Labels.selector(app)))
                .put("includeSelectors", YamlScalar.bool(true))
                .build(),
            YamlMap.builder()
                .put("pairs", stringMap(Labels.version(app)))
                .put("includeSelectors", YamlScalar.bool(false))
                .put("includeTemplates", YamlScalar.bool(true))
                .build()));
  }

  private SortedMap<String, String> overlay(Environment env, Map<String, Manifest> base) {
    SortedMap<String, String> files = new TreeMap<>();
    ParameterValues values = app.valuesFor(env);
    Map<String, Manifest> target = byStem(ManifestFactory.concrete(app, values, base.values()));

    YamlMap.Builder kustomization = kustomization();
    env.namespace().ifPresent(ns -> kustomization.put("namespace", ns));
    // Objects this environment turns on although they are off by default: the overlay adds them,
    // with the labels the base gives its own objects.
    List<YamlNode> resources = new ArrayList<>(List.of(YamlScalar.string("../../base")));
    for (Manifest m : target.values()) {
      if (!base.containsKey(m.fileStem())) {
        String file = m.fileStem() + ".yaml";
        files.put(file, yaml(m.tree()));
        resources.add(YamlScalar.string(file));
      }
    }
    if (resources.size() > 1) {
      kustomization.put("labels", labels());
    }
    kustomization.put("resources", YamlSeq.of(resources));

    configMaps.overlay(values).ifPresent(generators -> kustomization.put("configMapGenerator", generators));

    List<YamlNode> images = images(env, values);
    if (!images.isEmpty()) {
      kustomization.put("images", YamlSeq.of(images));
    }

    List<YamlNode> patches = new ArrayList<>();
    for (Manifest m : base.values()) {
      String kind = m.kind();
      String name = m.object().getMetadata().getName();
      Manifest changed = target.get(m.fileStem());
      if (changed == null) {
        String file = "delete-" + m.fileStem() + ".yaml";
        files.put(file, yaml(deletion(m)));
        patches.add(YamlMap.builder().put("path", file).build());
        continue;
      }
      if (changed == m) {
        continue; // the environment changes nothing this object reads
      }
      YamlNode from = m.tree();
      YamlNode to = changed.tree();
      if (kind.equals("Deployment")) {
        // The images transformer owns the images; the patch must not fight it.
        for (int i = 0; i < app.workload().containers().size(); i++) {
          NodePath image = CONTAINERS.index(i).key("image");
          to = YamlTrees.replace(to, image, YamlTrees.get(from, image));
        }
        for (int i = 0; i < app.workload().initContainers().size(); i++) {
          NodePath image = INIT_CONTAINERS.index(i).key("image");
          to = YamlTrees.replace(to, image, YamlTrees.get(from, image));
        }
      }
      List<JsonPatch.Operation> ops = JsonPatch.diff(from, to);
      if (ops.isEmpty()) {
        continue;
      }
      String file = m.fileStem() + "-patch.yaml";
      files.put(file, yaml(YamlSeq.of(ops.stream().<YamlNode>map(JsonPatch.Operation::toYaml).toList())));
      patches.add(
          YamlMap.builder()
              .put("path", file)
              .put("target", YamlMap.builder().put("kind", kind).put("name", name).build())
              .build());
    }
    if (!patches.isEmpty()) {
      kustomization.put("patches", YamlSeq.of(patches));
    }
    files.put("kustomization.yaml", yaml(kustomization.build()));
    return files;
  }

  /**
   * One {@code images} entry per base repository whose name or tag the environment changes.
   * Kustomize matches entries by repository, so two containers sharing one must change alike.
   */
  private List<YamlNode> images(Environment env, ParameterValues values) {
    Map<String, String> newReferences = new TreeMap<>();
    List<YamlNode> entries = new ArrayList<>();
    for (Container container : app.workload().allContainers()) {
      Image image = container.image();
      String baseRepository = image.repository().evaluate(app.defaults());
      String baseTag = image.tag().evaluate(app.defaults());
      String repository = image.repository().evaluate(values);
      String tag = image.tag().evaluate(values);
      String previous = newReferences.putIfAbsent(baseRepository, repository + ":" + tag);
      if (previous != null) {
        if (!previous.equals(repository + ":" + tag)) {
          throw new IllegalStateException(
              app.name() + ": in environment '" + env.name() + "' two containers share the image "
                  + baseRepository + " but get different images; Kustomize's images transformer"
                  + " cannot tell them apart. Give them distinct image parameters.");
        }
        continue;
      }
      if (repository.equals(baseRepository) && tag.equals(baseTag)) {
        continue;
      }
      YamlMap.Builder entry = YamlMap.builder().put("name", baseRepository);
      if (!repository.equals(baseRepository)) {
        entry.put("newName", repository);
      }
      if (!tag.equals(baseTag)) {
        entry.put("newTag", tag);
      }
      entries.add(entry.build());
    }
    return entries;
  }

  private static YamlMap deletion(Manifest m) {
    return YamlMap.builder()
        .put("$patch", "delete")
        .put("apiVersion", m.object().getApiVersion())
        .put("kind", m.kind())
        .put("metadata", YamlMap.builder().put("name", m.object().getMetadata().getName()).build())
        .build();
  }

  private static YamlMap.Builder kustomization() {
    return YamlMap.builder().put("apiVersion", API_VERSION).put("kind", "Kustomization");
  }

  private static YamlMap stringMap(Map<String, String> map) {
    YamlMap.Builder yaml = YamlMap.builder();
    new TreeMap<>(map).forEach(yaml::put);
    return yaml.build();
  }

  private static Map<String, Manifest> byStem(List<Manifest> manifests) {
    Map<String, Manifest> map = new LinkedHashMap<>();
    manifests.forEach(m -> map.put(m.fileStem(), m));
    return map;
  }

  private String yaml(YamlNode node) {
    return YamlWriter.write(YamlDocument.of(node).withHeader(header.yaml()));
  }
}
