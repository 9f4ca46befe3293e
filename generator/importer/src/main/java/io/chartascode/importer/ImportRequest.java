package io.chartascode.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to import and how to name the result.
 *
 * @param files YAML files, or directories standing for their {@code *.yaml} files
 * @param packageName the package of the generated class
 * @param className the generated class; default: the application name in UpperCamelCase
 * @param environment the environment the input was rendered for; it becomes an {@code Environment}
 *     with the input's namespace. Default: none, and the namespace is not kept
 * @param deployment which Deployment to import when the input has several. Default: the only one
 */
public record ImportRequest(
    List<Path> files,
    String packageName,
    Optional<String> className,
    Optional<String> environment,
    Optional<String> deployment) {

  /** Where imported models go unless told otherwise: beside {@code EnvApp}. */
  public static final String DEFAULT_PACKAGE = "io.chartascode.services";

  public ImportRequest {
    files = List.copyOf(files);
    Objects.requireNonNull(packageName, "packageName");
  }

  /** Files into {@code io.chartascode.services}, every option at its default. */
  public static ImportRequest of(Path... files) {
    return new ImportRequest(List.of(files), DEFAULT_PACKAGE, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public ImportRequest withClassName(String className) {
    return new ImportRequest(files, packageName, Optional.of(className), environment, deployment);
  }

  public ImportRequest withPackage(String packageName) {
    return new ImportRequest(files, packageName, className, environment, deployment);
  }

  public ImportRequest withEnvironment(String environment) {
    return new ImportRequest(files, packageName, className, Optional.of(environment), deployment);
  }

  public ImportRequest withDeployment(String deployment) {
    return new ImportRequest(files, packageName, className, environment, Optional.of(deployment));
  }
}
