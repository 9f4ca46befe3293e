package io.chartascode.maven;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.publish.ChartArchive;
import io.chartascode.generator.publish.ChartPackager;
import io.chartascode.generator.publish.Credentials;
import io.chartascode.generator.publish.CredentialsLookup;
import io.chartascode.generator.publish.HelmOciArtifact;
import io.chartascode.generator.publish.OciReference;
import io.chartascode.generator.publish.OciRegistryClient;
import io.chartascode.generator.publish.PushResult;
import io.chartascode.generator.publish.RegistryException;
import io.chartascode.maven.ModelRendering.Rendered;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** {@link PushMojo}'s work with chart-as-code-core, once {@link AbstractModelMojo#loadEngine()} loaded it. */
final class PushStep {
  private PushStep() {}

  static void run(PushMojo mojo) throws MojoExecutionException, MojoFailureException {
    OciReference target;
    try {
      target = OciReference.parse(mojo.registry.strip());
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("chart-as-code: " + e.getMessage());
    }
    Rendered rendered = ModelRendering.render(mojo);
    List<ChartArchive> archives = ChartPackager.archives(rendered.applications(), rendered.files());
    Optional<Credentials> credentials;
    try {
      credentials = SettingsCredentials.find(mojo.settings, mojo.decrypter, target.host())
          .or(() -> CredentialsLookup.standard().find(target.host()));
    } catch (ModelException | RegistryException e) {
      throw new MojoFailureException("chart-as-code: " + e.getMessage());
    }
    mojo.getLog().debug("chart-as-code: credentials for " + target.host() + ": "
        + credentials.map(c -> "user " + c.username() + " from " + c.source()).orElse("none found"));
    boolean http = OciRegistryClient.plainHttpAllowed(target, mojo.plainHttp);
    if (http && !target.isLoopback()) {
      mojo.getLog().warn("chart-as-code: plain HTTP to " + target.host() + " (chartascode.registry.plainHttp=true)");
    }
    OciRegistryClient client = new OciRegistryClient(target, credentials, http,
        Duration.ofSeconds(mojo.connectTimeoutSeconds), line -> mojo.getLog().debug("chart-as-code: " + line));
    for (int i = 0; i < archives.size(); i++) {
      Application app = rendered.applications().get(i);
      try {
        PushResult result = client.push(HelmOciArtifact.of(app, archives.get(i)));
        mojo.getLog().info("chart-as-code: " + result);
      } catch (RegistryException e) {
        throw new MojoFailureException("chart-as-code: " + e.getMessage());
      }
    }
  }
}
