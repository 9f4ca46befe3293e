package io.chartascode.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.DefaultDependencyNode;
import org.eclipse.aether.graph.Dependency;
import org.junit.jupiter.api.Test;

/** The scopes each classpath keeps, as resolver-util's classpathFilter keeps them. */
class ClasspathFilterTest {
  private static List<String> kept(ClasspathFilter filter) {
    return Stream.of("compile", "provided", "system", "runtime", "test", "custom")
        .filter(scope -> filter.accept(new DefaultDependencyNode(new Dependency(new DefaultArtifact("g:a:1"), scope)), List.of()))
        .toList();
  }

  @Test
  void compileKeepsWhatJavacCompilesAgainst() {
    assertThat(kept(ClasspathFilter.COMPILE)).containsExactly("compile", "provided", "system", "custom");
  }

  @Test
  void runtimeKeepsWhatAProgramRunsWith() {
    assertThat(kept(ClasspathFilter.RUNTIME)).containsExactly("compile", "runtime", "custom");
  }

  @Test
  void asResolverUtilKeepsThem() {
    for (ClasspathFilter filter : ClasspathFilter.values()) {
      var util = org.eclipse.aether.util.filter.DependencyFilterUtils.classpathFilter(filter.name().toLowerCase(java.util.Locale.ROOT));
      for (String scope : List.of("compile", "provided", "system", "runtime", "test", "custom")) {
        var node = new DefaultDependencyNode(new Dependency(new DefaultArtifact("g:a:1"), scope));
        assertThat(filter.accept(node, List.of())).as(filter + " " + scope).isEqualTo(util.accept(node, List.of()));
      }
    }
  }

  @Test
  void theRootIsAlwaysKept() {
    assertThat(ClasspathFilter.COMPILE.accept(new DefaultDependencyNode(new DefaultArtifact("g:root:1")), List.of())).isTrue();
  }
}
