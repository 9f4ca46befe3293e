package io.chartascode.envapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One image, three ways to build it: Jib, the Dockerfile via build-image.sh, and the chart's
 * default (kkrast/envapp:v1). They must name the same hub/image:tag, user, port and entrypoint.
 */
class ImageCoordinatesTest {

  static final String CHART_DEFAULT_IMAGE = "kkrast/envapp:v1";

  @Test
  void jibBuildsTheChartsDefaultImage() throws Exception {
    ModulePom pom = ModulePom.load();

    assertThat(pom.jib("to/image")).isEqualTo(CHART_DEFAULT_IMAGE);
    assertThat(
            pom.property("image.hub")
                + "/"
                + pom.property("image.name")
                + ":"
                + pom.property("image.tag"))
        .isEqualTo(CHART_DEFAULT_IMAGE);
  }

  @Test
  void buildImageScriptTagsTheSameImage() throws Exception {
    Process print =
        new ProcessBuilder(
                "bash", ModulePom.moduleDir().resolve("build-image.sh").toString(), "--print")
            .redirectErrorStream(true)
            .start();
    assertThat(print.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(new String(print.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
        .isEqualTo(CHART_DEFAULT_IMAGE);
  }

  @Test
  void jibRunsLikeTheDockerfile() throws Exception {
    ModulePom pom = ModulePom.load();

    assertThat(pom.jib("from/image")).isEqualTo(pom.property("image.base"));
    assertThat(pom.jib("container/user")).isEqualTo("1000:1000");
    assertThat(pom.children(ModulePom.JIB + "/configuration/container/ports"))
        .containsExactly("8080");
    // Same java, same flags file, same main class; Jib's own classpath file instead of -jar.
    assertThat(pom.children(ModulePom.JIB + "/configuration/container/entrypoint"))
        .containsExactly(
            "java", "@/app/jvm.options", "-cp", "@/app/jib-classpath-file", Main.class.getName());
  }

  @Test
  void jvmOptionsSitWhereJibCopiesThemAndCarryTheNodelayFix() throws Exception {
    // Jib copies src/main/jib/ to the image root, so this file becomes /app/jvm.options.
    String options =
        Files.readString(ModulePom.moduleDir().resolve("src/main/jib/app/jvm.options"));

    assertThat(options.lines())
        .contains("-Dsun.net.httpserver.nodelay=true", "-XX:-UsePerfData")
        .allMatch(line -> line.isBlank() || line.startsWith("-") || line.startsWith("#"));
  }
}
