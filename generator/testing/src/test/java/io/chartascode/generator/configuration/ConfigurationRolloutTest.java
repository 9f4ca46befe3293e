package io.chartascode.generator.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.internal.k8s.ConfigMapHash;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.EnvVar;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.SecretReference;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.chartascode.generator.testing.SampleApplications;
import io.chartascode.testing.ChartAsCodeTests;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.ToolPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration's ConfigMap gets the same hash-suffixed name from the chart and from Kustomize's
 * generator, with hostile content, by default, per environment and with {@code --set}; a change
 * of one value renames it and changes the pod template identically on both sides, and no change
 * changes nothing.
 */
class ConfigurationRolloutTest {
  /** Text that Go's JSON encoder escapes, that YAML must quote, and that sorts apart in UTF-16 and UTF-8. */
  private static final String HOSTILE =
      "<script>&amp;</script> \"quoted\" 'single' \\back\\slash\n"
          + "second line\twith tab\r\ncrlf, unicode: ünïcödé 日本語 😀 \uFF61 \u2028 \u2029 {{ .Values.x }} %s ${HOME} yes: no\n";
  private static final Parameter<String> GREETING =
      Parameter.string("config.greeting", "hello <world> & co").description("A configuration value.").build();

  private static Application app(Path file, Path binary) {
    Application base = LongStream.iterate(1, seed -> seed + 1)
        .mapToObj(SampleApplications::random)
        .filter(app -> app.configurations().isEmpty())
        .findFirst()
        .orElseThrow();
    Configuration config =
        Configuration.builder("config")
            .literal("A-upper", "sorts before lower case")
            .literal("_under", "=starts with equals=\"and quotes\"")
            .literal("hostile", HOSTILE)
            .literal("quoted", "\"wrapped in quotes\"")
            .literal("empty", "")
            .value("greeting", Value.of(GREETING))
            .file("application.properties", file)
            .file("keystore.bin", binary)
            .build();
    SecretReference db = SecretReference.builder("db-credentials").key("password", "the database password").build();
    Container main = base.workload().containers().get(0);
    Workload workload =
        base.workload().toBuilder()
            .clearContainers()
            .container(main.toBuilder()
                .env(EnvVar.from("GREETING", config, "greeting"))
                .env(EnvVar.from("DB_PASSWORD", db, "password"))
                .envFrom(config, "CONFIG_")
                .mountReadOnly("config", "/etc/config")
                .build())
            .volume("config", config, "application.properties", "hostile")
            .build();
    Application.Builder app = base.toBuilder().parameters(GREETING).workload(workload);
    return app.environment(Environment.builder("changed").namespace("cfg").set(GREETING, "bonjour").build())
        .environment(Environment.builder("same").namespace("cfg").build())
        .build();
  }

  @Test
  void helmAndKustomizeNameTheConfigMapAlikeAndRollThePodsAlike(@TempDir Path root) throws IOException {
    Path file = Files.writeString(root.resolve("application.properties"), "a=b\n" + HOSTILE + "x".repeat(200_000) + "\n");
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    Path binary = Files.write(root.resolve("keystore.bin"), bytes);
    Application app = app(file, binary);
    Renders.generate(root.resolve("out"), List.of(app));
    Path out = root.resolve("out");
    for (ToolPair pair : ToolPair.tested()) {
      String baseHelm = Renders.helmTemplateDefaults(pair.helm(), out, app);
      String baseKustomize = Renders.kustomize(pair.kubectl(), Renders.base(out, app));
      assertThat(configMap(baseKustomize).path("binaryData").path("keystore.bin").asText())
          .as("a file that is not UTF-8 goes to binaryData").isEqualTo(Base64.getEncoder().encodeToString(bytes));
      String expected = app.name() + "-config-" + ConfigMapHash.suffix(configData(baseKustomize), binaryData(baseKustomize));
      assertThat(configData(baseHelm)).isEqualTo(configData(baseKustomize)).containsEntry("hostile", HOSTILE);
      assertThat(configMapNames(baseKustomize)).as(pair + ": the Java hash agrees with Kustomize").containsExactly(expected);
      assertThat(configMapNames(baseHelm)).as(pair + ": and with the chart").containsExactly(expected);

      for (Environment env : app.environments()) {
        ChartAsCodeTests.assertSameObjects(pair + " " + env.name(),
            Renders.helmTemplate(pair.helm(), out, app, env), Renders.kustomize(pair.kubectl(), Renders.overlay(out, app, env)));
      }
      String same = Renders.helmTemplate(pair.helm(), out, app, environment(app, "same"));
      String changed = Renders.helmTemplate(pair.helm(), out, app, environment(app, "changed"));
      assertThat(configMapNames(same)).as("no change, no new name").containsExactly(expected);
      assertThat(podTemplate(same, app)).as("no change, no rollout").isEqualTo(podTemplate(baseHelm, app));
      assertThat(configMapNames(changed)).as("one value changed: a new name").doesNotContain(expected).hasSize(1);
      assertThat(podTemplate(changed, app)).as("one value changed: a rollout").isNotEqualTo(podTemplate(same, app));
      // --set at install time renames it exactly as an overlay with that value does.
      String set = Renders.helmTemplate(pair.helm(), out, app, environment(app, "same"), "--set", "config.greeting=bonjour");
      assertThat(configMapNames(set)).isEqualTo(configMapNames(changed));
      assertThat(podTemplate(set, app)).isEqualTo(podTemplate(changed, app));
    }
  }

  private static Environment environment(Application app, String name) {
    return app.environments().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, String> configData(String manifests) {
    Map<String, String> data = new TreeMap<>();
    configMap(manifests).path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().textValue()));
    return data;
  }

  private static Map<String, String> binaryData(String manifests) {
    Map<String, String> data = new TreeMap<>();
    configMap(manifests).path("binaryData").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().textValue()));
    return data;
  }

  private static ObjectNode configMap(String manifests) {
    return Manifests.parse(manifests).entrySet().stream()
        .filter(e -> e.getKey().startsWith("ConfigMap/"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  private static List<String> configMapNames(String manifests) {
    return Manifests.parse(manifests).keySet().stream()
        .filter(key -> key.startsWith("ConfigMap/"))
        .map(key -> key.substring("ConfigMap/".length()))
        .toList();
  }

  private static JsonNode podTemplate(String manifests, Application app) {
    return Manifests.parse(manifests).get("Deployment/" + app.name()).path("spec").path("template");
  }
}
