package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.Generator;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.testing.Command;
import io.chartascode.testing.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same model, same bytes: across runs, and across JVMs with other charsets and locales. */
class DeterminismTest {
  private static final SortedMap<String, String> RENDERED = Generator.render(new EnvAppCatalog().applications());

  @Test
  void renderingTwiceGivesIdenticalFiles() {
    assertThat(Generator.render(new EnvAppCatalog().applications())).isEqualTo(RENDERED);
  }

  @Test
  void applicationsRenderedSideBySideGiveTheFilesEachGivesAlone() {
    SortedMap<String, String> alone = new TreeMap<>();
    new EnvAppCatalog().applications().forEach(app -> alone.putAll(Generator.render(List.of(app))));
    assertThat(RENDERED).isEqualTo(alone);
  }

  @Test
  void everyFileIsLfOnlyWithExactlyOneTrailingNewline() {
    RENDERED.forEach(
        (path, content) ->
            assertThat(content)
                .as(path)
                .doesNotContain("\r")
                .endsWith("\n")
                .doesNotEndWith("\n\n")
                .doesNotStartWith("---"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "-Dfile.encoding=ISO-8859-1 -Dsun.jnu.encoding=ISO-8859-1",
        "-Duser.language=tr -Duser.country=TR",
        "-Duser.language=de -Duser.country=DE -Dfile.encoding=US-ASCII -Duser.timezone=Pacific/Kiritimati",
      })
  void aForkedGeneratorWithOtherDefaultsWritesTheSameBytes(String jvmOptions, @TempDir Path out) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmOptions.split(" ")));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), WriteCatalog.class.getName(), out.toString()));
    Command.run(cmd).assertSuccess();

    SortedMap<String, byte[]> written = FileTrees.read(out);
    written.remove(FileTreeWriter.MANIFEST);
    assertThat(written.keySet()).containsExactlyElementsOf(RENDERED.keySet());
    RENDERED.forEach(
        (path, content) ->
            assertThat(written.get(path)).as(path).isEqualTo(content.getBytes(StandardCharsets.UTF_8)));
  }

  /** The forked JVM's work: render the catalog and write it where the first argument says. */
  public static final class WriteCatalog {
    public static void main(String[] args) {
      new FileTreeWriter(Path.of(args[0])).write(Generator.render(new EnvAppCatalog().applications()));
    }
  }
}
