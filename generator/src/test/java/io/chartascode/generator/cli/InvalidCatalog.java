package io.chartascode.generator.cli;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.services.EnvApp;
import java.util.List;

/** envapp with two mistakes, for the "an invalid model touches no file" test. */
public final class InvalidCatalog implements Catalog {
  @Override
  public List<Application> applications() {
    return List.of(
        EnvApp.application().toBuilder()
            .environment(
                Environment.builder("qa")
                    .namespace("QA")
                    .set(EnvApp.MIN_REPLICAS, 50)
                    .build())
            .build());
  }
}
