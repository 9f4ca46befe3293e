package io.chartascode.generator.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where helm registry login and docker login leave credentials, and which wins. */
class CredentialsLookupTest {
  @TempDir Path home;

  private static String auth(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String path, String json) throws IOException {
    Path file = home.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, json);
  }

  @Test
  void helmsRegistryConfigComesBeforeDockers() throws IOException {
    write(".docker/config.json", """
        {"auths": {"ghcr.io": {"auth": "%s"}}}""".formatted(auth("docker-user", "docker-pw")));
    write(".config/helm/registry/config.json", """
        {"auths": {"ghcr.io": {"auth": "%s"}}}""".formatted(auth("helm-user", "helm-pw")));
    Credentials c = new CredentialsLookup(home, Map.of()).find("ghcr.io").orElseThrow();
    assertThat(c.username()).isEqualTo("helm-user");
    assertThat(c.password()).isEqualTo("helm-pw");
    assertThat(c.source()).contains("helm/registry/config.json");
  }

  @Test
  void dockersConfigWithASchemeInTheKeyAndUsernamePasswordFields() throws IOException {
    write(".docker/config.json", """
        {"auths": {"https://registry.example.com:5000/v1/": {"username": "u", "password": "p:with:colons"}}}""");
    Credentials c = new CredentialsLookup(home, Map.of()).find("registry.example.com:5000").orElseThrow();
    assertThat(c.username()).isEqualTo("u");
    assertThat(c.password()).isEqualTo("p:with:colons");
    assertThat(new CredentialsLookup(home, Map.of()).find("registry.example.com")).isEmpty();
  }

  @Test
  void theEnvironmentMovesTheFiles() throws IOException {
    Path helm = write("elsewhere/helm.json", """
        {"auths": {"ghcr.io": {"auth": "%s"}}}""".formatted(auth("a", "b")));
    Path docker = write("elsewhere/docker/config.json", "{}");
    CredentialsLookup lookup = new CredentialsLookup(home, Map.of(
        "HELM_REGISTRY_CONFIG", helm.toString(), "DOCKER_CONFIG", docker.getParent().toString()));
    assertThat(lookup.configFiles()).containsExactly(helm, docker);
    assertThat(lookup.find("ghcr.io")).isPresent();
  }

  @Test
  void noFilesNoCredentials() {
    assertThat(new CredentialsLookup(home, Map.of()).find("ghcr.io")).isEmpty();
  }

  @Test
  void aBrokenFileIsNamedButNeverQuoted() throws IOException {
    Path file = write(".docker/config.json", "{\"auths\": {\"ghcr.io\": {\"auth\": \"c2VjcmV0LXB3\"}");
    assertThatThrownBy(() -> new CredentialsLookup(home, Map.of()).find("ghcr.io"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining(file.toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("c2VjcmV0LXB3"));
  }

  @Test
  void aPasswordNeverPrints() {
    Credentials c = new Credentials("user", "hunter2", "test");
    assertThat(c.toString()).isEqualTo("Credentials[username=user, password=****, source=test]");
  }
}
