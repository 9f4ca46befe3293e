package io.chartascode.maven;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packages each chart of the catalog as {@code <chartsDirectory>/<name>-<version>.tgz}, laid out as
 * {@code helm package} lays it out, and byte-identical on every run, machine and JDK: entries in
 * path order with fixed owner, mode and mtime, and gzip without a timestamp, of stored deflate
 * blocks (no zlib involved). The archive is made from the files the model renders, which {@code
 * check} proves equal to the committed tree.
 *
 * <p>The archive is attached to the project with classifier {@code helm} and type {@code tgz} (as
 * JKube does), so {@code install} and {@code deploy} publish it with the project's other
 * artifacts; with several charts, each gets the classifier {@code helm-<name>}.
 */
@Mojo(
    name = "package",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class PackageMojo extends AbstractModelMojo {
  static final String CLASSIFIER = "helm";
  static final String TYPE = "tgz";

  @Component MavenProjectHelper projectHelper;

  /** Where the archives are written. */
  @Parameter(property = "chartascode.chartsDirectory", defaultValue = "${project.build.directory}/charts", required = true)
  File chartsDirectory;

  /** Attaches the archives to the project (classifier {@code helm}, type {@code tgz}). */
  @Parameter(property = "chartascode.package.attach", defaultValue = "true")
  boolean attach;

  /** Skips only this goal; {@code chartascode.skip} skips it too. */
  @Parameter(property = "chartascode.package.skip", defaultValue = "false")
  boolean skipPackage;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipPackage) {
      getLog().info("chart-as-code: package skipped");
      return;
    }
    loadEngine();
    PackageStep.run(this);
  }
}
