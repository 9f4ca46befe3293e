package io.chartascode.envapp.chart;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.model.Application;
import java.util.List;

/** What this repository generates: envapp, into generated/{helm,kustomize,gitops}/envapp. */
public final class EnvAppCatalog implements Catalog {
  @Override
  public List<Application> applications() {
    return List.of(EnvApp.application());
  }
}
