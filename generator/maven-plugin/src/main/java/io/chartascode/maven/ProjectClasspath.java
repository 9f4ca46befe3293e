package io.chartascode.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Exclusion;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.version.VersionConstraint;

/**
 * The project's compile classpath for {@code generate}, which asks Maven for no dependency
 * resolution: resolving chart-as-code-core's dependencies reads the POMs of fabric8 and Jackson
 * and their parents and BOMs, about a third of what the plugin costs a build that has nothing to
 * do. So the goal resolves the classpath itself, as Maven resolves it for a goal that requires
 * {@code COMPILE}, and records the result in {@code target/chart-as-code/classpath.txt}; the next
 * run takes the record instead when resolving again could not give another classpath:
 *
 * <ul>
 *   <li>the record's key is the same: the project's dependencies and dependencyManagement after
 *       interpolation (coordinates, type, classifier, version, scope, optional, exclusions, system
 *       path), the remote repositories, the local repository, the reactor's modules, Maven's
 *       version and offline mode;
 *   <li>the resolution was one that cannot change under the same key: no version range or {@code
 *       LATEST}/{@code RELEASE} anywhere in the graph, no module of the reactor (its classes
 *       directory comes and goes with the build), and a {@code SNAPSHOT} only offline, where the
 *       local repository alone decides (online, Maven may fetch a newer one; so does {@code -U});
 *   <li>every entry is as recorded: a jar's size and time, and for a {@code SNAPSHOT} also the
 *       files of its directory in the local repository (an install or a download there changes
 *       them).
 * </ul>
 *
 * Releases are immutable in a repository, so a release's POM, and with it its dependencies, cannot
 * change under the same coordinates. Anything else resolves, as Maven would have.
 */
final class ProjectClasspath {
  static final String RECORD = "classpath.txt";
  private static final String HEADER = "chart-as-code classpath 2";

  private final Path record;
  private final String key;

  private ProjectClasspath(Path record, String key) {
    this.record = record;
    this.key = key;
  }

  /** The classpath of {@code project} in {@code session}, recorded in {@code workDirectory}. */
  static ProjectClasspath of(Path workDirectory, MavenProject project, MavenSession session) {
    List<String> repositories = new ArrayList<>();
    for (RemoteRepository repository : project.getRemoteProjectRepositories()) {
      repositories.add(repository.getId() + " " + repository.getUrl() + " " + repository.getPolicy(true).isEnabled());
    }
    List<String> reactor = new ArrayList<>();
    for (MavenProject module : session.getProjects()) {
      reactor.add(module.getGroupId() + ":" + module.getArtifactId() + ":" + module.getVersion());
    }
    List<Dependency> managed =
        project.getDependencyManagement() == null ? List.of() : project.getDependencyManagement().getDependencies();
    String key = key(project.getDependencies(), managed, repositories,
        String.valueOf(session.getRepositorySession().getLocalRepository().getBasedir()), reactor,
        session.getSystemProperties().getProperty("maven.version", "") + " offline=" + session.isOffline());
    return new ProjectClasspath(workDirectory.resolve(RECORD), key);
  }

  /** For tests: the record in {@code record} under {@code key}. */
  static ProjectClasspath of(Path record, String key) {
    return new ProjectClasspath(record, key);
  }

  /**
   * Everything besides the repositories' content that decides the resolved classpath, one line
   * each; see the class comment. Text, not a digest: see {@link GenerationStamp}.
   */
  static String key(List<Dependency> dependencies, List<Dependency> managed, List<String> repositories,
      String localRepository, List<String> reactor, String maven) {
    StringBuilder text = new StringBuilder(maven).append('\n').append(localRepository).append('\n');
    for (Dependency dependency : dependencies) {
      describe(text.append("dependency "), dependency);
    }
    for (Dependency dependency : managed) {
      describe(text.append("managed "), dependency);
    }
    for (String repository : repositories) {
      text.append("repository ").append(repository).append('\n');
    }
    for (String module : new TreeSet<>(reactor)) {
      text.append("module ").append(module).append('\n');
    }
    return text.toString();
  }

  private static void describe(StringBuilder text, Dependency d) {
    text.append(d.getGroupId()).append(':').append(d.getArtifactId()).append(':').append(d.getType()).append(':')
        .append(d.getClassifier()).append(':').append(d.getVersion()).append(':').append(d.getScope()).append(':')
        .append(d.getOptional()).append(':').append(d.getSystemPath());
    for (Exclusion exclusion : d.getExclusions()) {
      text.append(" -").append(exclusion.getGroupId()).append(':').append(exclusion.getArtifactId());
    }
    text.append('\n');
  }

  /**
   * The recorded classpath, when the record has this key and every entry is as recorded; empty
   * when it must be resolved.
   */
  Optional<ModelClasspath> recorded() {
    List<String> lines;
    try {
      if (!Files.isRegularFile(record)) {
        return Optional.empty();
      }
      lines = Files.readAllLines(record, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    String[] keyLines = key.split("\n");
    if (lines.size() < 1 + keyLines.length || !lines.get(0).equals(HEADER)) {
      return Optional.empty();
    }
    for (int i = 0; i < keyLines.length; i++) {
      if (!lines.get(1 + i).equals("key " + keyLines[i])) {
        return Optional.empty();
      }
    }
    List<ModelClasspath.Entry> entries = new ArrayList<>();
    for (String line : lines.subList(1 + keyLines.length, lines.size())) {
      // coordinates, snapshot (0/1), state, path: the path last, as it may hold a tab.
      String[] fields = line.split("\t", 4);
      if (fields.length != 4) {
        return Optional.empty();
      }
      Path path = Path.of(fields[3]);
      if (!state(path, fields[1].equals("1")).equals(fields[2])) {
        return Optional.empty();
      }
      entries.add(new ModelClasspath.Entry(fields[0], path));
    }
    return Optional.of(new ModelClasspath(entries));
  }

  /**
   * Records a resolved classpath for the next run, or, when {@code reusable} is false, removes
   * the record, so that the next run resolves again.
   *
   * @param snapshots the entries that are {@code SNAPSHOT}s, whose directories are watched too
   */
  void save(ModelClasspath classpath, Set<Path> snapshots, boolean reusable) throws IOException {
    if (!reusable) {
      Files.deleteIfExists(record);
      return;
    }
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (String line : key.split("\n")) {
      text.append("key ").append(line).append('\n');
    }
    for (ModelClasspath.Entry entry : classpath.entries()) {
      boolean snapshot = snapshots.contains(entry.path());
      text.append(entry.coordinates()).append('\t').append(snapshot ? '1' : '0').append('\t')
          .append(state(entry.path(), snapshot)).append('\t').append(entry.path()).append('\n');
    }
    Files.createDirectories(record.getParent());
    Path tmp = record.resolveSibling(record.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, record, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * What must stay the same for a recorded entry to stand: a file's size and time, and for a
   * {@code SNAPSHOT} the name, size and time of every file beside it (its POM, the repository's
   * metadata).
   */
  static String state(Path path, boolean snapshot) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        return "directory";
      }
      StringBuilder state = new StringBuilder().append(attributes.size()).append('|')
          .append(attributes.lastModifiedTime().toMillis());
      if (snapshot && path.getParent() != null) {
        Set<String> beside = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path.getParent())) {
          for (Path file : files) {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            beside.add(file.getFileName() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis());
          }
        }
        state.append('|').append(String.join(",", beside));
      }
      return state.toString();
    } catch (IOException e) {
      return "missing";
    }
  }

  /**
   * Resolves the project's compile classpath as Maven does for a goal that requires {@code
   * COMPILE} (the reactor's modules included), and records it when it may be reused.
   */
  ModelClasspath resolve(MavenProject project, MavenSession session, ProjectDependenciesResolver resolver)
      throws MojoExecutionException {
    DefaultDependencyResolutionRequest request = new DefaultDependencyResolutionRequest(project, session.getRepositorySession());
    request.setResolutionFilter(ClasspathFilter.COMPILE);
    DependencyResolutionResult result;
    try {
      result = resolver.resolve(request);
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException("chart-as-code: cannot resolve the dependencies of " + project.getId()
          + ", which the model is compiled against: " + e.getMessage(), e);
    }
    Set<String> reactor = new HashSet<>();
    for (MavenProject module : session.getProjects()) {
      reactor.add(module.getGroupId() + ":" + module.getArtifactId() + ":" + module.getVersion());
    }
    boolean reusable = !session.getRequest().isUpdateSnapshots() && fixedVersions(result.getDependencyGraph());
    List<ModelClasspath.Entry> entries = new ArrayList<>();
    Set<Path> snapshots = new HashSet<>();
    for (org.eclipse.aether.graph.Dependency dependency : result.getDependencies()) {
      Artifact artifact = dependency.getArtifact();
      if (artifact.getFile() == null) {
        continue;
      }
      String coordinates = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion();
      Path path = artifact.getFile().toPath();
      entries.add(new ModelClasspath.Entry(coordinates, path));
      if (reactor.contains(coordinates) || Files.isDirectory(path)) {
        reusable = false;
      } else if (artifact.isSnapshot()) {
        snapshots.add(path);
        reusable &= session.isOffline();
      }
    }
    ModelClasspath classpath = new ModelClasspath(entries);
    try {
      save(classpath, snapshots, reusable);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(record);
      } catch (IOException ignored) {
        // the next run resolves either way: a record it cannot read does not count
      }
    }
    return classpath;
  }

  /** Whether every version in the graph was a plain one: no range, no LATEST or RELEASE. */
  static boolean fixedVersions(DependencyNode root) {
    if (root == null) {
      return false;
    }
    Deque<DependencyNode> pending = new ArrayDeque<>(root.getChildren());
    Set<DependencyNode> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    while (!pending.isEmpty()) {
      DependencyNode node = pending.pop();
      if (!seen.add(node)) {
        continue;
      }
      VersionConstraint constraint = node.getVersionConstraint();
      Artifact artifact = node.getArtifact();
      if (constraint == null || constraint.getRange() != null || constraint.getVersion() == null
          || artifact == null || !constraint.getVersion().toString().equals(artifact.getBaseVersion())) {
        return false;
      }
      pending.addAll(node.getChildren());
    }
    return true;
  }
}
