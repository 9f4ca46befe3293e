package io.chartascode.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Adds the plugin's chart-as-code libraries to its class realm when a goal first needs them.
 *
 * <p>The plugin's POM declares chart-as-code-core and chart-as-code-importer {@code provided}, so
 * Maven does not resolve them, or load them into the realm, before each goal: with fabric8 and
 * Jackson they are about 15 artifacts, whose POMs, parents and BOMs Maven would read even for a
 * {@code generate} with nothing to do ({@link GenerationStamp}). Here they are resolved as Maven
 * resolves a plugin's dependencies: the plugin's own POM gives their versions and its
 * dependencyManagement the versions of theirs, from the plugin repositories.
 *
 * <p>The classes of the plugin that use these libraries are loaded only after this, and the
 * mojos name none of their types, not even in a private method or a lambda: Maven reflects on a
 * mojo's fields and methods when it configures it, which would load those types first.
 */
final class EngineClasspath {
  /** What a goal needs: the artifact, and one of its classes, to tell whether it is loaded. */
  enum Library {
    CORE("chart-as-code-core", "io.chartascode.generator.Generator"),
    IMPORTER("chart-as-code-importer", "io.chartascode.importer.Importer");

    final String artifactId;
    final String marker;

    Library(String artifactId, String marker) {
      this.artifactId = artifactId;
      this.marker = marker;
    }
  }

  private EngineClasspath() {}

  /**
   * Makes {@code library} and its dependencies loadable by {@code loader}, the plugin's realm,
   * unless they are already (a plugin classpath that has them, as in the plugin's unit tests, or
   * an earlier goal of this build).
   */
  static void ensure(Library library, ClassLoader loader, PluginDescriptor plugin, RepositorySystem system,
      RepositorySystemSession session, List<RemoteRepository> repositories) throws MojoExecutionException {
    synchronized (loader) {
      if (loaded(library, loader)) {
        return;
      }
      if (!(loader instanceof ClassRealm realm)) {
        throw new MojoExecutionException("chart-as-code: " + library.artifactId + " is not on the plugin's classpath, and "
            + loader + " is not a Maven class realm to add it to");
      }
      Set<String> present = new HashSet<>();
      for (URL url : realm.getURLs()) {
        present.add(url.toString());
      }
      for (File file : resolve(library, plugin, system, session, repositories)) {
        URL url = url(file);
        if (present.add(url.toString())) {
          realm.addURL(url);
        }
      }
      if (!loaded(library, realm)) {
        throw new MojoExecutionException("chart-as-code: resolved " + library.artifactId + ", but " + library.marker
            + " is still not loadable from " + Arrays.toString(realm.getURLs()));
      }
    }
  }

  private static boolean loaded(Library library, ClassLoader loader) {
    try {
      Class.forName(library.marker, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The library and its runtime dependencies, as the plugin's POM manages them. */
  private static List<File> resolve(Library library, PluginDescriptor plugin, RepositorySystem system,
      RepositorySystemSession session, List<RemoteRepository> repositories) throws MojoExecutionException {
    String id = plugin.getGroupId() + ":" + plugin.getArtifactId() + ":" + plugin.getVersion();
    ArtifactDescriptorResult descriptor;
    try {
      descriptor = system.readArtifactDescriptor(session, new ArtifactDescriptorRequest(
          new DefaultArtifact(plugin.getGroupId(), plugin.getArtifactId(), "jar", plugin.getVersion()), repositories, "plugin"));
    } catch (ArtifactDescriptorException e) {
      throw new MojoExecutionException("chart-as-code: cannot read the POM of " + id + ": " + e.getMessage(), e);
    }
    Dependency wanted = null;
    for (Dependency dependency : descriptor.getDependencies()) {
      if (dependency.getArtifact().getGroupId().equals(plugin.getGroupId())
          && dependency.getArtifact().getArtifactId().equals(library.artifactId)) {
        wanted = dependency.setScope("compile");
      }
    }
    if (wanted == null) {
      throw new MojoExecutionException("chart-as-code: the POM of " + id + " does not name " + library.artifactId);
    }
    CollectRequest collect = new CollectRequest(List.of(wanted), descriptor.getManagedDependencies(), repositories);
    collect.setRequestContext("plugin");
    List<ArtifactResult> results;
    try {
      results = system.resolveDependencies(session,
          new DependencyRequest(collect, ClasspathFilter.RUNTIME)).getArtifactResults();
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException("chart-as-code: cannot resolve " + library.artifactId + " " + plugin.getVersion()
          + ", which " + id + " runs with: " + e.getMessage(), e);
    }
    List<File> files = new ArrayList<>();
    for (ArtifactResult result : results) {
      files.add(result.getArtifact().getFile());
    }
    return files;
  }

  private static URL url(File file) {
    try {
      return file.toURI().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(file.toString(), e);
    }
  }
}
