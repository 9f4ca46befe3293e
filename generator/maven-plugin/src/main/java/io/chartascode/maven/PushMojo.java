package io.chartascode.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Pushes each chart to an OCI registry as Helm stores charts there, so {@code helm pull} and
 * {@code helm install oci://...} take it. The archive is the one {@code package} writes (made
 * again from the model, so this goal also runs on its own), and the same archive always gives the
 * same manifest digest.
 *
 * <p>A version that the registry already has with the same digest is left alone ("nothing
 * pushed"); with another digest the push fails and names both: published versions are immutable.
 *
 * <p>Credentials, first match wins: a {@code settings.xml} {@code <server>} whose id is the
 * registry host (with port, if any); Helm's registry config ({@code helm registry login}); Docker's
 * {@code ~/.docker/config.json} ({@code docker login}, credential helpers included). They are never
 * logged. HTTPS, except for a loopback registry or with {@code chartascode.registry.plainHttp}.
 */
@Mojo(
    name = "push",
    defaultPhase = LifecyclePhase.DEPLOY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class PushMojo extends AbstractModelMojo {
  /** The registry and path to push to, e.g. {@code oci://ghcr.io/my-org/charts}. Required. */
  @Parameter(property = "chartascode.registry")
  String registry;

  /**
   * Talks plain HTTP to a registry that is not on this machine. Only on a network you trust:
   * credentials then travel unencrypted. A loopback registry (localhost, 127.0.0.1, ::1) always
   * gets plain HTTP.
   */
  @Parameter(property = "chartascode.registry.plainHttp", defaultValue = "false")
  boolean plainHttp;

  /** Seconds to wait for the registry to accept a connection. */
  @Parameter(property = "chartascode.registry.connectTimeout", defaultValue = "30")
  int connectTimeoutSeconds;

  /** Skips only this goal; {@code chartascode.skip} skips it too. */
  @Parameter(property = "chartascode.push.skip", defaultValue = "false")
  boolean skipPush;

  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  @Component SettingsDecrypter decrypter;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipPush) {
      getLog().info("chart-as-code: push skipped");
      return;
    }
    if (registry == null || registry.isBlank()) {
      throw new MojoFailureException("chart-as-code: no registry to push to; set -Dchartascode.registry=oci://host/path"
          + " or <registry> in the plugin's configuration");
    }
    loadEngine();
    PushStep.run(this);
  }
}
