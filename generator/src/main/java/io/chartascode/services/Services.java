package io.chartascode.services;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.model.Application;
import java.util.List;

/** Every application this repository generates, each into its own directories. */
public final class Services implements Catalog {
  public static List<Application> all() {
    return List.of(EnvApp.application());
  }

  @Override
  public List<Application> applications() {
    return all();
  }
}
