package io.chartascode.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartascode.generator.model.Application;
import io.chartascode.envapp.chart.EnvApp;
import io.chartascode.envapp.chart.Showcase;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class SyntheticCatalogTest {
  private static final SortedMap<String, String> ENVAPP =
      SyntheticCatalog.render(List.of(EnvApp.application()));

  @Test
  void oneServiceIsEnvappItself() {
    assertThat(SyntheticCatalog.render(SyntheticCatalog.services(1))).isEqualTo(ENVAPP);
  }

  /** If Application gains a property that renamed() does not copy, the files differ here. */
  @Test
  void aCopyUnderTheSameNameRendersTheSameFiles() {
    Application envapp = EnvApp.application();
    Application copy = SyntheticCatalog.renamed(envapp, envapp.name());
    assertThat(SyntheticCatalog.render(List.of(copy))).isEqualTo(ENVAPP);
  }

  /** The same for showcase, which sets every property envapp leaves at its default. */
  @Test
  void aCopyOfTheServiceWithEveryFeatureRendersTheSameFiles() {
    Application showcase = Showcase.application();
    Application copy = SyntheticCatalog.renamed(showcase, showcase.name());
    assertThat(SyntheticCatalog.render(List.of(copy))).isEqualTo(SyntheticCatalog.render(List.of(showcase)));
  }

  @Test
  void hundredServicesRenderAHundredTimesTheFilesOfOne() {
    List<Application> apps = SyntheticCatalog.services(100);
    SortedMap<String, String> files = SyntheticCatalog.render(apps);

    assertThat(apps)
        .extracting(Application::name)
        .doesNotHaveDuplicates()
        .contains("envapp", "envapp-002", "envapp-100");
    long shared = ENVAPP.keySet().stream().filter(p -> !p.contains("/envapp/")).count();
    assertThat(files).hasSize((int) (100 * (ENVAPP.size() - shared) + shared));
    assertThat(files.get("kustomize/envapp-042/overlays/prod/kustomization.yaml"))
        .contains("namespace: envapp-042-prod")
        .doesNotContain("namespace: envapp-prod");
  }

  /** The edit of the "changed tree" runs: a release bump of the first service, nothing else. */
  @Test
  void anotherAppVersionChangesOnlyTheFirstServicesVersionedFiles() {
    SortedMap<String, String> before = SyntheticCatalog.render(new SyntheticCatalog(3).applications());
    SortedMap<String, String> after = SyntheticCatalog.render(new SyntheticCatalog(3, "v2").applications());

    assertThat(after.keySet()).isEqualTo(before.keySet());
    List<String> changed =
        before.keySet().stream().filter(p -> !before.get(p).equals(after.get(p))).toList();
    assertThat(changed)
        .contains("helm/envapp/Chart.yaml", "kustomize/envapp/base/kustomization.yaml")
        .allMatch(p -> p.contains("/envapp/"), "only envapp's own files");
    assertThat(after.get("helm/envapp/Chart.yaml")).contains("appVersion: v2");
  }

  @Test
  void theCommandLineReadsTheCountFromASystemProperty() {
    String previous = System.getProperty(SyntheticCatalog.SERVICES_PROPERTY);
    try {
      System.setProperty(SyntheticCatalog.SERVICES_PROPERTY, "7");
      assertThat(new SyntheticCatalog().applications()).hasSize(7);
    } finally {
      if (previous == null) {
        System.clearProperty(SyntheticCatalog.SERVICES_PROPERTY);
      } else {
        System.setProperty(SyntheticCatalog.SERVICES_PROPERTY, previous);
      }
    }
  }

  @Test
  void refusesCountsOutsideOneTo999() {
    assertThatThrownBy(() -> new SyntheticCatalog(0)).hasMessageContaining("between 1 and 999");
    assertThatThrownBy(() -> new SyntheticCatalog(1000)).hasMessageContaining("between 1 and 999");
  }
}
