package io.chartascode.generator.internal.render.helm;

import io.chartascode.generator.GeneratedHeader;
import io.chartascode.generator.internal.ProjectFiles;
import io.chartascode.generator.internal.k8s.LabelSet;
import io.chartascode.generator.internal.k8s.Labels;
import io.chartascode.generator.internal.k8s.Manifest;
import io.chartascode.generator.internal.k8s.ManifestFactory;
import io.chartascode.generator.internal.k8s.Slot;
import io.chartascode.generator.internal.render.ValuesTree;
import io.chartascode.generator.internal.yaml.NodePath;
import io.chartascode.generator.internal.yaml.YamlDocument;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlScalar;
import io.chartascode.generator.internal.yaml.YamlTrees;
import io.chartascode.generator.internal.yaml.YamlWriter;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Bound;
import io.chartascode.generator.model.ChartParameters;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.SecretReference;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Helm chart of one application: {@code Chart.yaml}, values per environment, the values
 * schema, templates, helpers, notes, a test hook and a README. Paths are relative to the chart
 * directory.
 */
public final class HelmChartRenderer {
  private final Application app;
  private final TemplateNames names;
  private final GeneratedHeader header;
  private final ProjectFiles projectFiles;

  private HelmChartRenderer(Application app, GeneratedHeader header, ProjectFiles projectFiles) {
    this.app = app;
    this.names = new TemplateNames(app.name());
    this.header = header;
    this.projectFiles = projectFiles;
  }

  /** The chart, reading the files the model names from the working directory. */
  public static SortedMap<String, String> render(Application app, GeneratedHeader header) {
    return render(app, header, ProjectFiles.workingDirectory());
  }

  public static SortedMap<String, String> render(Application app, GeneratedHeader header, ProjectFiles projectFiles) {
    return new HelmChartRenderer(app, header, projectFiles).files();
  }

  private SortedMap<String, String> files() {
    SortedMap<String, String> files = new TreeMap<>();
    files.put("Chart.yaml", chart());
    files.put(".helmignore", HelmIgnore.text());
    List<Parameter<?>> parameters = ChartParameters.of(app);
    files.put("values.yaml", yaml(ValuesTree.of(parameters, p -> p.defaultValue(), true)));
    for (Environment env : app.environments()) {
      files.put(
          "values-" + env.name() + ".yaml",
          yaml(ValuesTree.of(parameters, p -> env.overrides().get(p), false)));
    }
    files.put("values.schema.json", ValuesSchemaRenderer.render(app));
    files.put("templates/_helpers.tpl", HelpersTemplate.render(names, header));
    HelmManifestTemplate templates = new HelmManifestTemplate(names);
    for (Manifest manifest : ManifestFactory.templated(app)) {
      files.put(
          "templates/" + manifest.fileStem() + ".yaml",
          YamlWriter.write(templates.render(manifest).withHeader(header.template())));
    }
    ConfigMapTemplate configMaps = new ConfigMapTemplate(app, names, header, projectFiles);
    app.configurations().forEach(configuration -> files.putAll(configMaps.render(configuration)));
    new ChartTimeChecks(app, names).render(header).ifPresent(checks -> files.put("templates/validate.yaml", checks));
    files.put("templates/NOTES.txt", notes());
    files.put("templates/tests/test-connection.yaml", testConnection());
    files.put("README.md", ChartReadme.render(app, header));
    return files;
  }

  private String yaml(YamlMap map) {
    return YamlWriter.write(YamlDocument.of(map).withHeader(header.yaml()));
  }

  private String chart() {
    return yaml(ChartYaml.tree(app));
  }

  private String notes() {
    String fullname = "{{ " + names.include(names.fullname()) + " }}";
    String port = HelmExpressions.action(app.service().port());
    StringBuilder secrets = new StringBuilder();
    if (!app.secrets().isEmpty()) {
      secrets.append("\nIt reads these Secrets, which it does not create; the pods wait until they exist:\n");
      for (SecretReference secret : app.secrets()) {
        String name = secret.name() instanceof Value.Fixed<String> fixed ? fixed.value() : HelmExpressions.action(secret.name());
        secrets.append("  ").append(name).append(": ").append(String.join(", ", secret.keys().keySet())).append('\n');
      }
    }
    return """
        %s is running in namespace {{ .Release.Namespace }}.
        %s
        Try it:
          kubectl -n {{ .Release.Namespace }} port-forward svc/%s 8080:%s
          curl -s http://127.0.0.1:8080/
        """
        .formatted(fullname, secrets, fullname, port);
  }

  /**
   * The pod of the {@code helm test} hook, the same in every chart: built once. Placeholders keep
   * each varying field at its place; {@link #testConnection} replaces them.
   */
  private static final Pod TEST_POD =
      new PodBuilder()
          .withNewMetadata()
          .withName("test")
          .withLabels(Map.of("placeholder", "labels"))
          .addToAnnotations("helm.sh/hook", "test")
          .addToAnnotations("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded")
          .endMetadata()
          .withNewSpec()
          .withRestartPolicy("Never")
          .withAutomountServiceAccountToken(false)
          .withNewSecurityContext()
          .withRunAsNonRoot(true)
          .withRunAsUser(1000L)
          .withRunAsGroup(1000L)
          .withNewSeccompProfile()
          .withType("RuntimeDefault")
          .endSeccompProfile()
          .endSecurityContext()
          .addNewContainer()
          .withName("wget")
          .withImage("placeholder")
          .withCommand("wget")
          .withArgs("-q", "-O-", "target")
          .withNewSecurityContext()
          .withAllowPrivilegeEscalation(false)
          .withReadOnlyRootFilesystem(true)
          .withNewCapabilities()
          .withDrop("ALL")
          .endCapabilities()
          .endSecurityContext()
          .endContainer()
          .endSpec()
          .build();

  /** A {@code helm test} hook that fetches the Service once, hardened like the app itself. */
  private String testConnection() {
    String include = names.include(names.fullname());
    String target =
        "{{ printf \"%s:%v\" (" + include + ") "
            + HelmExpressions.valuesPathOrLiteral(app.service().port())
            + " | quote }}";
    // Name and labels go through the same slots as the application's objects.
    Manifest hook =
        new Manifest(
            "test-connection",
            TEST_POD,
            Optional.empty(),
            List.of(
                new Slot.Name(NodePath.of("metadata.name"), "-test-connection"),
                new Slot.Labels(NodePath.of("metadata.labels"), LabelSet.OBJECT, Labels.extra(app, LabelSet.OBJECT))));
    YamlNode tree = new HelmManifestTemplate(names).render(hook).root();
    tree = YamlTrees.replace(tree, NodePath.of("spec.containers[0].args[2]"), YamlScalar.raw(target));
    tree =
        YamlTrees.replace(
            tree,
            NodePath.of("spec.containers[0].image"),
            YamlScalar.raw(HelmExpressions.action(Value.of(ChartParameters.TEST_IMAGE))));
    return YamlWriter.write(YamlDocument.of(tree).withHeader(header.template()));
  }
}
