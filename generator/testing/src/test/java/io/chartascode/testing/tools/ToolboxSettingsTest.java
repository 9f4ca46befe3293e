package io.chartascode.testing.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ToolboxSettingsTest {

  @Test
  void byDefaultTheNpmRegistryFillsTheCacheFetchToolsShUses() {
    ToolboxSettings settings = TestSettings.linux().build();

    assertThat(settings.cache()).isEqualTo(Path.of("/home/nobody/.cache/chart-as-code/tools"));
    assertThat(settings.registry()).isEqualTo(URI.create("https://registry.npmjs.org/"));
    assertThat(settings.overrides()).isEmpty();
    assertThat(settings.acceptUntested()).isFalse();
  }

  @Test
  void theCacheIsThePropertyThenFetchToolsShsVariableThenTheCacheRootVariable() {
    TestSettings settings = TestSettings.linux().env("CHART_AS_CODE_CACHE", "/ci/cache");
    assertThat(settings.build().cache()).isEqualTo(Path.of("/ci/cache/tools"));

    settings.env("CHART_AS_CODE_TOOLS", "/ci/tools");
    assertThat(settings.build().cache()).isEqualTo(Path.of("/ci/tools"));

    settings.property("chartascode.tools.cache", "/build/tools");
    assertThat(settings.build().cache()).isEqualTo(Path.of("/build/tools"));
  }

  @Test
  void theRegistryIsThePropertyThenNpmsOwnVariablesInEitherSpelling() {
    TestSettings settings = TestSettings.linux().env("npm_config_registry", "https://lower.example/");
    assertThat(settings.build().registry()).hasToString("https://lower.example/");

    settings.env("NPM_CONFIG_REGISTRY", "https://upper.example/");
    assertThat(settings.build().registry()).hasToString("https://upper.example/");

    settings.property("chartascode.npm.registry", "http://mirror.example:4873");
    assertThat(settings.build().registry()).hasToString("http://mirror.example:4873");
  }

  @Test
  void aRegistryThatIsNotAnHttpUrlIsRefusedNamingWhereItCameFrom() {
    assertThatThrownBy(() -> TestSettings.linux().env("NPM_CONFIG_REGISTRY", "registry.example.com").build())
        .isInstanceOf(ToolProvisioningException.class)
        .hasMessageContaining("NPM_CONFIG_REGISTRY is 'registry.example.com'")
        .hasMessageContaining("https://registry.npmjs.org/");
  }

  @Test
  void eachToolMayBeNamedByPropertyOrEnvironmentAndThePropertyWins() {
    ToolboxSettings settings = TestSettings.linux()
        .env("CHART_AS_CODE_HELM3", "/env/helm")
        .env("CHART_AS_CODE_KUBECTL134", "/env/kubectl")
        .property("chartascode.tools.helm3", "/property/helm")
        .build();

    assertThat(settings.override(Tool.HELM_3))
        .contains(new UserBinary(Path.of("/property/helm"), "named by -Dchartascode.tools.helm3"));
    assertThat(settings.override(Tool.KUBECTL_1_34))
        .contains(new UserBinary(Path.of("/env/kubectl"), "named by CHART_AS_CODE_KUBECTL134"));
    assertThat(settings.override(Tool.HELM_4)).isEmpty();
  }

  @Test
  void blankValuesCountAsUnset() {
    ToolboxSettings settings = TestSettings.linux().property("chartascode.tools.helm3", " ")
        .env("NPM_CONFIG_REGISTRY", "").build();

    assertThat(settings.override(Tool.HELM_3)).isEmpty();
    assertThat(settings.registry()).isEqualTo(ToolboxSettings.DEFAULT_REGISTRY);
  }

  @Test
  void acceptUntestedIsTrueOrFalseAndAnythingElseIsAMistake() {
    assertThat(TestSettings.linux().env("CHART_AS_CODE_ACCEPT_UNTESTED", "TRUE").build().acceptUntested()).isTrue();
    assertThat(TestSettings.linux().property("chartascode.tools.acceptUntested", "false")
        .env("CHART_AS_CODE_ACCEPT_UNTESTED", "true").build().acceptUntested()).isFalse();
    assertThatThrownBy(() -> TestSettings.linux().property("chartascode.tools.acceptUntested", "yes").build())
        .hasMessageContaining("-Dchartascode.tools.acceptUntested is 'yes'")
        .hasMessageContaining("true");
  }

  @Test
  void thePlatformUsesGoSpelling() {
    assertThat(TestSettings.linux().property("os.arch", "x86_64").build().platform()).isEqualTo(Platform.LINUX_AMD64);
    assertThat(TestSettings.macOnArm().build().platform()).hasToString("darwin-arm64");
    assertThat(TestSettings.linux().property("os.name", "Windows 11").build().platform()).hasToString("windows-amd64");
  }

  @Test
  void pathIsSplitIntoDirectoriesSkippingEmptyEntries() {
    String path = String.join(File.pathSeparator, "/usr/local/bin", "", "/usr/bin");

    assertThat(TestSettings.linux().env("PATH", path).build().searchPath())
        .containsExactly(Path.of("/usr/local/bin"), Path.of("/usr/bin"));
  }
}
