package io.chartascode.envapp.chart;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.Tool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * showcase's Deployment, as helm renders it, run with the real envapp server: every variable the
 * pod takes from a Secret is named in {@code ENVAPP_SECRET_ENV}, and with random values for those
 * Secret keys, none of them appears anywhere in the body, whatever the variable is called.
 */
class SecretBackedEnvTest {
  private static final Pattern PORT = Pattern.compile("\"port\":(\\d+)");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void noValueFromASecretLeavesTheProcess(@TempDir Path tmp) throws Exception {
    Application showcase = Showcase.application();
    Renders.generate(tmp.resolve("out"), List.of(showcase));
    for (Environment env : showcase.environments()) {
      SortedMap<String, ObjectNode> objects = Manifests.parse(Renders.helmTemplate(Tool.HELM_3, tmp.resolve("out"), showcase, env));
      JsonNode container = objects.get("Deployment/showcase").at("/spec/template/spec/containers/0");
      Map<String, String> processEnv = new LinkedHashMap<>();
      List<String> secrets = new ArrayList<>();
      List<String> secretBacked = new ArrayList<>();
      for (JsonNode var : container.path("env")) {
        String name = var.path("name").asText();
        JsonNode from = var.path("valueFrom");
        if (from.has("secretKeyRef")) {
          // Plain-looking on purpose: neither its name nor its shape gives it away, only ENVAPP_SECRET_ENV does.
          String secret = "blue-river-" + (1000 + RANDOM.nextInt(9000));
          secrets.add(secret);
          secretBacked.add(name);
          processEnv.put(name, secret);
        } else if (from.has("fieldRef")) {
          processEnv.put(name, "from-" + from.at("/fieldRef/fieldPath").asText());
        } else {
          processEnv.put(name, var.path("value").asText());
        }
      }
      assertThat(secretBacked).as("%s reads a Secret", env.name()).isNotEmpty();
      assertThat(Set.of(processEnv.get("ENVAPP_SECRET_ENV").split(",")))
          .as("%s: ENVAPP_SECRET_ENV names every secret-backed variable", env.name())
          .containsAll(secretBacked);

      String body = get(processEnv, tmp.resolve(env.name()));
      for (String secret : secrets) {
        assertThat(body).as("%s: the body of GET /", env.name()).doesNotContain(secret);
      }
      assertThat(body).contains("\"DB_PASSWORD\"", "\"LICENSE_ID\"");
    }
  }

  /** GET / of the real server, started as a process with exactly {@code env} (and a private HOME). */
  private static String get(Map<String, String> env, Path home) throws Exception {
    // envapp and its one dependency, as its image has them.
    String classpath = String.join(java.io.File.pathSeparator,
        location(io.chartascode.envapp.Main.class), location(com.fasterxml.jackson.core.JsonFactory.class));
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, "io.chartascode.envapp.Main");
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.environment().put("PORT", "0");
    builder.environment().put("HOME", home.toString());
    builder.environment().put("TMPDIR", home.toString());
    builder.redirectErrorStream(true);
    java.nio.file.Files.createDirectories(home);
    Process process = builder.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
      List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
      CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> out.lines()
          .peek(log::add)
          .map(PORT::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).findFirst()
          .orElseThrow(() -> new AssertionError("envapp exited without serving: " + log)));
      URI uri = URI.create("http://127.0.0.1:" + port.get(30, TimeUnit.SECONDS) + "/");
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String location(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
