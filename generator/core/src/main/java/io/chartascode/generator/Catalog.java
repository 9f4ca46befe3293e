package io.chartascode.generator;

import io.chartascode.generator.model.Application;
import java.util.List;

/**
 * The applications a repository generates. The command line loads one by class name
 * ({@code -Dchartascode.catalog=...}), so a repository can hold several catalogs.
 */
public interface Catalog {
  List<Application> applications();
}
