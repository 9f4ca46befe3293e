package io.chartascode.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Exclusion;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.DefaultDependencyNode;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When {@code generate} may take the last run's classpath instead of resolving: only when nothing
 * that decides the resolution changed. A change it sees gives a new classpath, so a new model
 * fingerprint and a new {@link GenerationStamp}: the run renders.
 */
class ProjectClasspathTest {
  @TempDir Path dir;
  Path record;
  Path coreJar;
  Path releaseJar;
  ModelClasspath classpath;

  @BeforeEach
  void aLocalRepository() throws IOException {
    record = dir.resolve("target/chart-as-code/classpath.txt");
    coreJar = jar("io/chartascode/chart-as-code-core/1.0-SNAPSHOT/chart-as-code-core-1.0-SNAPSHOT.jar");
    Files.writeString(coreJar.resolveSibling("maven-metadata-local.xml"), "<metadata/>");
    releaseJar = jar("io/fabric8/kubernetes-model-core/7.4.0/kubernetes-model-core-7.4.0.jar");
    classpath = new ModelClasspath(List.of(
        new ModelClasspath.Entry("io.chartascode:chart-as-code-core:1.0-SNAPSHOT", coreJar),
        new ModelClasspath.Entry("io.fabric8:kubernetes-model-core:7.4.0", releaseJar)));
  }

  private Path jar(String path) throws IOException {
    Path jar = dir.resolve("m2").resolve(path);
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "PK");
    Files.writeString(jar.resolveSibling(jar.getFileName().toString().replace(".jar", ".pom")), "<project/>");
    return jar;
  }

  private static Dependency dependency(String groupId, String artifactId, String version) {
    Dependency dependency = new Dependency();
    dependency.setGroupId(groupId);
    dependency.setArtifactId(artifactId);
    dependency.setVersion(version);
    return dependency;
  }

  private static String key(List<Dependency> dependencies, List<Dependency> managed, List<String> reactor) {
    return ProjectClasspath.key(dependencies, managed, List.of("central https://repo.maven.apache.org/maven2 false"),
        "/home/me/.m2/repository", reactor, "3.9.11 offline=true");
  }

  private static final List<Dependency> DEPENDENCIES = List.of(dependency("io.chartascode", "chart-as-code-core", "1.0"));
  private static final String KEY = key(DEPENDENCIES, List.of(), List.of("com.example:shop:1.0"));

  @Test
  void reusedWhenTheKeyAndEveryEntryAreAsRecorded() throws IOException {
    ProjectClasspath.of(record, KEY).save(classpath, Set.of(coreJar), true);
    assertThat(ProjectClasspath.of(record, KEY).recorded()).contains(classpath);
  }

  @Test
  void resolvedBeforeAnyRecord() {
    assertThat(ProjectClasspath.of(record, KEY).recorded()).isEmpty();
  }

  @Test
  void resolvedAgainAfterAResolutionThatMayNotBeReused() throws IOException {
    ProjectClasspath.of(record, KEY).save(classpath, Set.of(), true);
    ProjectClasspath.of(record, KEY).save(classpath, Set.of(), false);
    assertThat(record).doesNotExist();
    assertThat(ProjectClasspath.of(record, KEY).recorded()).isEmpty();
  }

  @Test
  void aDependencyVersionChangeChangesTheKey() throws IOException {
    ProjectClasspath.of(record, KEY).save(classpath, Set.of(), true);
    String bumped = key(List.of(dependency("io.chartascode", "chart-as-code-core", "1.1")), List.of(), List.of("com.example:shop:1.0"));
    assertThat(bumped).isNotEqualTo(KEY);
    assertThat(ProjectClasspath.of(record, bumped).recorded()).isEmpty();
  }

  @Test
  void everyPartOfADependencyAndOfItsManagementCounts() {
    Dependency test = dependency("io.chartascode", "chart-as-code-core", "1.0");
    test.setScope("test");
    Dependency excluding = dependency("io.chartascode", "chart-as-code-core", "1.0");
    Exclusion exclusion = new Exclusion();
    exclusion.setGroupId("com.fasterxml.jackson.core");
    exclusion.setArtifactId("jackson-databind");
    excluding.addExclusion(exclusion);
    List<String> reactor = List.of("com.example:shop:1.0");
    assertThat(key(List.of(test), List.of(), reactor)).isNotEqualTo(KEY);
    assertThat(key(List.of(excluding), List.of(), reactor)).isNotEqualTo(KEY);
    assertThat(key(DEPENDENCIES, List.of(dependency("com.fasterxml.jackson.core", "jackson-databind", "2.19.2")), reactor))
        .isNotEqualTo(KEY);
    assertThat(key(DEPENDENCIES, List.of(), List.of("com.example:shop:1.0", "com.example:orders:1.0"))).isNotEqualTo(KEY);
    assertThat(key(DEPENDENCIES, List.of(), List.of("com.example:b:1", "com.example:a:1")))
        .isEqualTo(key(DEPENDENCIES, List.of(), List.of("com.example:a:1", "com.example:b:1")));
  }

  @Test
  void aJarRewrittenInPlaceIsResolvedAgain() throws IOException {
    ProjectClasspath.of(record, KEY).save(classpath, Set.of(coreJar), true);
    Files.setLastModifiedTime(releaseJar, FileTime.fromMillis(Files.getLastModifiedTime(releaseJar).toMillis() + 2000));
    assertThat(ProjectClasspath.of(record, KEY).recorded()).isEmpty();
  }

  @Test
  void aMissingJarIsResolvedAgain() throws IOException {
    ProjectClasspath.of(record, KEY).save(classpath, Set.of(coreJar), true);
    Files.delete(releaseJar);
    assertThat(ProjectClasspath.of(record, KEY).recorded()).isEmpty();
  }

  @Test
  void aSnapshotIsResolvedAgainWhenAnythingInItsDirectoryChanges() throws IOException {
    ProjectClasspath.of(record, KEY).save(classpath, Set.of(coreJar), true);
    // `mvn install` of the SNAPSHOT, or a newer one downloaded: the metadata beside the jar changes.
    Files.writeString(coreJar.resolveSibling("maven-metadata-local.xml"), "<metadata><versioning/></metadata>");
    assertThat(ProjectClasspath.of(record, KEY).recorded()).isEmpty();
  }

  @Test
  void aReleaseIgnoresItsNeighbours() throws IOException {
    ProjectClasspath.of(record, KEY).save(classpath, Set.of(coreJar), true);
    Files.writeString(releaseJar.resolveSibling("_remote.repositories"), "touched");
    assertThat(ProjectClasspath.of(record, KEY).recorded()).contains(classpath);
  }

  @Test
  void onlyPlainVersionsMayBeReused() throws Exception {
    GenericVersionScheme versions = new GenericVersionScheme();
    DefaultDependencyNode root = new DefaultDependencyNode(new DefaultArtifact("com.example:shop:1.0"));
    DefaultDependencyNode plain = new DefaultDependencyNode(
        new org.eclipse.aether.graph.Dependency(new DefaultArtifact("io.fabric8:kubernetes-model-core:7.4.0"), "compile"));
    plain.setVersionConstraint(versions.parseVersionConstraint("7.4.0"));
    root.setChildren(List.of(plain));
    assertThat(ProjectClasspath.fixedVersions(root)).isTrue();

    DefaultDependencyNode ranged = new DefaultDependencyNode(
        new org.eclipse.aether.graph.Dependency(new DefaultArtifact("com.fasterxml.jackson.core:jackson-core:2.19.2"), "compile"));
    ranged.setVersionConstraint(versions.parseVersionConstraint("[2.19,3)"));
    plain.setChildren(List.of(ranged));
    assertThat(ProjectClasspath.fixedVersions(root)).isFalse();

    DefaultDependencyNode latest = new DefaultDependencyNode(
        new org.eclipse.aether.graph.Dependency(new DefaultArtifact("com.fasterxml.jackson.core:jackson-core:2.19.2"), "compile"));
    latest.setVersionConstraint(versions.parseVersionConstraint("LATEST"));
    plain.setChildren(List.of(latest));
    assertThat(ProjectClasspath.fixedVersions(root)).isFalse();
  }
}
