package io.chartascode.testing.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartascode.generator.Generator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ChartChange;
import io.chartascode.generator.model.ChartMetadata;
import io.chartascode.generator.model.Maintainer;
import io.chartascode.generator.publish.ChartArchive;
import io.chartascode.generator.publish.ChartPackager;
import io.chartascode.generator.publish.Credentials;
import io.chartascode.generator.publish.HelmOciArtifact;
import io.chartascode.generator.publish.OciReference;
import io.chartascode.generator.publish.OciRegistryClient;
import io.chartascode.generator.publish.PushResult;
import io.chartascode.generator.publish.RegistryException;
import io.chartascode.generator.testing.SampleApplications;
import io.chartascode.testing.Command;
import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.Toolbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The archive and the push, against the real things: helm 3.17.1 and 4.1.4, and a real registry
 * (distribution 2.8.2) on a loopback port.
 */
class ChartPublishingTest {
  static final Application APP =
      SampleApplications.random(11).toBuilder()
          .chartVersion("1.2.3")
          .chartMetadata(ChartMetadata.builder()
              .home("https://example.com/shop")
              .source("https://github.com/example/shop")
              .maintainer(Maintainer.of("example-dev", "dev@example.com"))
              .keywords("shop", "web")
              .link("Documentation", "https://example.com/shop/docs")
              .change(ChartChange.added("OCI publishing"))
              .build())
          .build();

  @TempDir Path tmp;

  static ChartArchive archive(Application app) {
    return ChartPackager.archives(List.of(app), Generator.render(List.of(app))).get(0);
  }

  @ParameterizedTest
  @EnumSource(value = Tool.class, names = {"HELM_3", "HELM_4"})
  void helmAcceptsTheArchive(Tool tool) throws IOException {
    String helm = Toolbox.standard().path(tool).toString();
    ChartArchive archive = archive(APP);
    Path tgz = Files.write(tmp.resolve(archive.fileName()), archive.bytes());

    Command.run(List.of(helm, "lint", "--strict", tgz.toString())).assertSuccess();
    String chart = Command.run(List.of(helm, "show", "chart", tgz.toString())).assertSuccess().stdout();
    assertThat(chart).contains("name: " + APP.name(), "version: 1.2.3", "kubeVersion: '>=1.23.0-0'",
        "artifacthub.io/images", "example-dev");
    String manifests = Command.run(List.of(helm, "template", "rel", tgz.toString())).assertSuccess().stdout();
    assertThat(manifests).contains("kind: Deployment", "kind: Service");
    if (tool == Tool.HELM_4) {
      // Helm 3's install --dry-run=client still asks the cluster whether it is reachable; its
      // cluster-free install is `helm template` above (the install action with ClientOnly set).
      String dryRun = Command.run(List.of(helm, "install", "rel", tgz.toString(), "--dry-run=client", "-n", "shop"))
          .assertSuccess().stdout();
      assertThat(dryRun).contains("STATUS: pending-install", "kind: Deployment");
    }
  }

  @Test
  void pushThenHelm3And4PullTheSameBytesAndRenderFromTheRegistry() throws IOException {
    ChartArchive archive = archive(APP);
    HelmOciArtifact artifact = HelmOciArtifact.of(APP, archive);
    try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"))) {
      PushResult first = client(registry, Optional.empty(), new ArrayList<>()).push(artifact);
      assertThat(first.pushed()).isTrue();
      assertThat(first.digest()).isEqualTo(artifact.manifestDigest());

      for (Tool tool : List.of(Tool.HELM_3, Tool.HELM_4)) {
        String helm = Toolbox.standard().path(tool).toString();
        Path into = Files.createDirectories(tmp.resolve("pulled-" + tool));
        String chartRef = registry.oci("charts") + "/" + APP.name();
        Command.Result pull = Command.run(List.of(helm, "pull", chartRef, "--version", "1.2.3", "--plain-http",
            "-d", into.toString())).assertSuccess();
        assertThat(pull.stdout() + pull.stderr()).contains("Digest: " + artifact.manifestDigest());
        assertThat(Files.readAllBytes(into.resolve(archive.fileName()))).isEqualTo(archive.bytes());
        String rendered = Command.run(List.of(helm, "template", "rel", chartRef, "--version", "1.2.3", "--plain-http"))
            .assertSuccess().stdout();
        assertThat(rendered).contains("kind: Deployment");
        String shown = Command.run(List.of(helm, "show", "chart", chartRef, "--version", "1.2.3", "--plain-http"))
            .assertSuccess().stdout();
        assertThat(shown).contains("version: 1.2.3");
      }

      PushResult again = client(registry, Optional.empty(), new ArrayList<>()).push(HelmOciArtifact.of(APP, archive(APP)));
      assertThat(again.pushed()).isFalse();
      assertThat(again.digest()).isEqualTo(first.digest());
      assertThat(again.toString()).contains("already in the registry with the same content", "nothing pushed");
    }
  }

  @Test
  void aVersionThatExistsWithOtherContentIsRefusedNamingBothDigests() {
    Application changed = APP.toBuilder().description("Another description, same version").build();
    HelmOciArtifact published = HelmOciArtifact.of(APP, archive(APP));
    HelmOciArtifact other = HelmOciArtifact.of(changed, archive(changed));
    assertThat(other.manifestDigest()).isNotEqualTo(published.manifestDigest());
    try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"))) {
      OciRegistryClient client = client(registry, Optional.empty(), new ArrayList<>());
      client.push(published);
      assertThatThrownBy(() -> client.push(other))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("already exists with different content")
          .hasMessageContaining(published.manifestDigest())
          .hasMessageContaining(other.manifestDigest())
          .hasMessageContaining("raise the chart version");
      assertThat(client.existingManifestDigest("charts/" + APP.name(), "1.2.3")).contains(published.manifestDigest());
    }
  }

  @Test
  void aRegistryThatIsDownGivesAClearError() {
    int port;
    try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"))) {
      port = Integer.parseInt(registry.host().substring(registry.host().indexOf(':') + 1));
    }
    OciReference down = OciReference.parse("oci://127.0.0.1:" + port + "/charts");
    OciRegistryClient client = new OciRegistryClient(down, Optional.empty(), true, Duration.ofSeconds(5), line -> {});
    assertThatThrownBy(() -> client.push(HelmOciArtifact.of(APP, archive(APP))))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("cannot reach the registry oci://127.0.0.1:" + port + "/charts")
        .hasMessageContaining("is it running")
        .hasMessageContaining("Nothing was pushed");
  }

  @Test
  void loginIsRequiredRefusedOrAcceptedAndThePasswordIsNeverPrinted() {
    HelmOciArtifact artifact = HelmOciArtifact.of(APP, archive(APP));
    List<String> debug = new ArrayList<>();
    try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("registry"), true)) {
      assertThatThrownBy(() -> client(registry, Optional.empty(), debug).push(artifact))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("requires a login")
          .hasMessageContaining("helm registry login " + registry.host());
      Credentials wrong = new Credentials(LocalRegistry.USER, "wrong-" + LocalRegistry.PASSWORD, "test");
      assertThatThrownBy(() -> client(registry, Optional.of(wrong), debug).push(artifact))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("refused the credentials (user tester from test)")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(LocalRegistry.PASSWORD));
      Credentials right = new Credentials(LocalRegistry.USER, LocalRegistry.PASSWORD, "test");
      OciRegistryClient client = client(registry, Optional.of(right), debug);
      // Nothing of the refused pushes is tagged.
      assertThat(client.existingManifestDigest("charts/" + APP.name(), "1.2.3")).isEmpty();
      assertThat(client.push(artifact).pushed()).isTrue();
      assertThat(right.toString()).doesNotContain(LocalRegistry.PASSWORD);
      assertThat(String.join("\n", debug)).contains("PUT", "-> 201").doesNotContain(LocalRegistry.PASSWORD);
    }
  }

  private static OciRegistryClient client(LocalRegistry registry, Optional<Credentials> credentials, List<String> debug) {
    OciReference ref = OciReference.parse(registry.oci("charts"));
    return new OciRegistryClient(ref, credentials, OciRegistryClient.plainHttpAllowed(ref, false),
        Duration.ofSeconds(10), debug::add);
  }
}
