package io.chartascode.maven;

import java.util.List;
import java.util.Set;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;

/**
 * The dependencies of a classpath, by scope, as maven-resolver-util's {@code
 * DependencyFilterUtils.classpathFilter} selects them. Written here because Maven 3.8 does not
 * export resolver-util to plugins (a plugin that uses it fails there with NoClassDefFoundError),
 * and bundling it could not match the resolver of every Maven that runs the plugin.
 */
enum ClasspathFilter implements DependencyFilter {
  /** What {@code javac} compiles against: compile, provided and system. */
  COMPILE(Set.of("compile", "provided", "system")),
  /** What a program runs with: compile and runtime. */
  RUNTIME(Set.of("compile", "runtime"));

  /** The scopes Maven knows; a dependency of another is kept, as resolver-util keeps it. */
  private static final Set<String> KNOWN = Set.of("compile", "provided", "system", "runtime", "test");

  private final Set<String> scopes;

  ClasspathFilter(Set<String> scopes) {
    this.scopes = scopes;
  }

  @Override
  public boolean accept(DependencyNode node, List<DependencyNode> parents) {
    Dependency dependency = node.getDependency();
    return dependency == null || scopes.contains(dependency.getScope()) || !KNOWN.contains(dependency.getScope());
  }
}
