package io.chartascode.envapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the Dockerfile is kept right by reading its key lines: what the
 * runtime stage is built from, who it runs as, and how it starts.
 */
class DockerfileTest {

  static final String ENTRYPOINT =
      "ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=/app/envapp.jsa\", \"@/app/jvm.options\","
          + " \"-jar\", \"/app/envapp.jar\"]";

  static final String APPCDS_TRAINING =
      "RUN [\"java\", \"-XX:ArchiveClassesAtExit=/app/envapp.jsa\", \"@/app/jvm.options\","
          + " \"-jar\", \"/app/envapp.jar\", \"--smoke-test\"]";

  private static List<String> build;
  private static List<String> runtime;
  private static ModulePom pom;

  @BeforeAll
  static void read() throws Exception {
    List<String> instructions = instructions(ModulePom.moduleDir().resolve("Dockerfile"));
    int runtimeFrom = -1;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).startsWith("FROM ")) {
        runtimeFrom = i;
      }
    }
    build = instructions.subList(0, runtimeFrom);
    runtime = instructions.subList(runtimeFrom, instructions.size());
    pom = ModulePom.load();
  }

  @Test
  void buildStageIsMavenOnTheProjectsJdk() {
    assertThat(build.get(0)).matches("FROM maven:3\\.9\\.\\d+-eclipse-temurin-17 AS build");
    assertThat(build).contains("RUN mvn -B -q -f envapp/pom.xml -DskipTests package");
  }

  @Test
  void runtimeIsTheBaseImageJibUsesToo() {
    assertThat(runtime.get(0)).isEqualTo("FROM " + pom.property("image.base"));
    assertThat(pom.property("image.base")).startsWith("gcr.io/distroless/java");
  }

  @Test
  void runtimeRunsAsUid1000OnPort8080WithoutAShell() {
    assertThat(runtime).contains("USER 1000:1000", "EXPOSE 8080", ENTRYPOINT);
    assertThat(runtime)
        .as("distroless has no shell: only exec-form RUN, CMD and ENTRYPOINT")
        .noneMatch(line -> line.matches("(RUN|CMD|ENTRYPOINT) [^\\[].*"));
    assertThat(runtime.indexOf("USER 1000:1000"))
        .as("USER after the training run, which writes the archive into /app as root")
        .isGreaterThan(runtime.indexOf(APPCDS_TRAINING));
    assertThat(runtime).noneMatch(line -> line.startsWith("VOLUME "));
  }

  @Test
  void appCdsArchiveIsTrainedBySmokeTestingTheImageItself() {
    // The archive must come from the runtime JVM itself, so it is made in the runtime stage,
    // after the files it records and before the ENTRYPOINT that maps it.
    int training = runtime.indexOf(APPCDS_TRAINING);
    assertThat(training).isPositive();
    assertThat(runtime.subList(0, training))
        .contains("COPY --from=build /src/envapp/target/envapp.jar /app/envapp.jar");
  }

  @Test
  void runtimeCarriesTheJarItsLibAndTheSharedJvmOptions() {
    assertThat(runtime)
        .contains(
            "COPY --from=build /src/envapp/target/lib/ /app/lib/",
            "COPY --from=build /src/envapp/target/envapp.jar /app/envapp.jar",
            "COPY envapp/src/main/jib/app/jvm.options /app/jvm.options");
  }

  @Test
  void environmentMatchesJib() {
    String env = runtime.stream().filter(l -> l.startsWith("ENV ")).findFirst().orElseThrow();
    pom.map(ModulePom.JIB + "/configuration/container/environment")
        .forEach((name, value) -> assertThat(env).contains(name + "=" + value));
  }

  @Test
  void ignoreFileLetsTheSourcesThrough() throws Exception {
    List<String> ignore =
        Files.readAllLines(ModulePom.moduleDir().resolve("Dockerfile.dockerignore"));

    assertThat(ignore).contains("*", "!pom.xml", "!envapp/pom.xml", "!envapp/src/main/");
  }

  /** Instructions without comments or blank lines, continuation lines joined. */
  static List<String> instructions(Path dockerfile) throws Exception {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(dockerfile)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      out.add(current.append(trimmed).toString().replaceAll("\\s+", " "));
      current.setLength(0);
    }
    return out;
  }
}
